package org.cim4j.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cim4j.Cim4j;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.benchmarks.ResultTable;
import org.cim4j.benchmarks.RunOptions;
import org.cim4j.benchmarks.Servers;
import org.cim4j.customer.CustomerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scale loader writes exactly the generated rows, on every database and through both paths: the
 * tables hold the expected row counts, and sampled customers read back through cim4j (profile, whole
 * timeline, whole purchase history) equal a fresh generation. No timing is asserted.
 */
class ScaleLoaderTest {
    private static final long SEED = 7;
    private static final int CUSTOMERS = 1_000;
    private static final int INTERACTIONS = 5_000;
    private static final int PURCHASES = 2_000;

    private static long expectedLines(SyntheticData data) {
        CustomerId any = CustomerId.of(new UUID(0, 1));
        long lines = 0;
        for (long k = 0; k < data.purchases(); k++) {
            lines += data.purchase(k, any).lines().size();
        }
        return lines;
    }

    @ParameterizedTest
    @EnumSource(BenchDatabase.Target.class)
    void rawLoaderWritesWhatCim4jReadsBackAsGenerated(BenchDatabase.Target target) throws Exception {
        Servers.require(target);
        SyntheticData data = new SyntheticData(SEED, CUSTOMERS, INTERACTIONS, PURCHASES);
        try (BenchDatabase db = BenchDatabase.open(target, "b2_t_scale_raw", 2);
             Cim4j crm = Cim4j.builder().storage(db.storage()).build()) {
            ScaleLoader loader = new ScaleLoader(db, crm, data, ScaleLoader.Mode.RAW, SEED, false);
            loader.loadTo(CUSTOMERS / 10);
            loader.loadTo(CUSTOMERS);

            assertThat(ScaleCheck.tableCounts(db)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "customer", (long) CUSTOMERS, "customer_contact", 2L * CUSTOMERS,
                    "customer_external_id", (long) CUSTOMERS, "customer_unique_key", 3L * CUSTOMERS,
                    "interaction", (long) INTERACTIONS, "purchase", (long) PURCHASES,
                    "purchase_line", expectedLines(data)));
            assertThat(loader.totals().interactions()).isEqualTo(INTERACTIONS);
            assertThat(loader.samples()).hasSize(CUSTOMERS);
            assertThat(loader.analyzes()).isEqualTo(1); // at 1,000 customers; the next would be at 2,000

            ScaleCheck.Checked check = ScaleCheck.verify(crm, data, loader.samples(), 100);
            assertThat(check.mismatches()).isEmpty();
            assertThat(check.customers()).isEqualTo(100);
            assertThat(check.interactions()).isEqualTo(100L * INTERACTIONS / CUSTOMERS);
            assertThat(check.purchases()).isEqualTo(100L * PURCHASES / CUSTOMERS);
        }
    }

    @Test
    void apiAndRawLoadersProduceTheSameReadBack() throws Exception {
        SyntheticData data = new SyntheticData(SEED, 300, 1_500, 600);
        try (BenchDatabase db = BenchDatabase.open(BenchDatabase.Target.H2, "b2_t_scale_api", 2);
             Cim4j crm = Cim4j.builder().storage(db.storage()).build()) {
            ScaleLoader loader = new ScaleLoader(db, crm, data, ScaleLoader.Mode.API, SEED, false);
            loader.loadTo(300);
            assertThat(ScaleCheck.tableCounts(db)).containsEntry("interaction", 1_500L).containsEntry("purchase", 600L);
            ScaleCheck.Checked check = ScaleCheck.verify(crm, data, loader.samples(), 300);
            assertThat(check.mismatches()).isEmpty();
            assertThat(check.interactions()).isEqualTo(1_500);
            assertThat(check.purchases()).isEqualTo(600);
        }
    }

    @Test
    void checkReportsARowThatDiffersFromTheGeneration() throws Exception {
        SyntheticData data = new SyntheticData(SEED, 100, 500, 200);
        try (BenchDatabase db = BenchDatabase.open(BenchDatabase.Target.H2, "b2_t_scale_bad", 2);
             Cim4j crm = Cim4j.builder().storage(db.storage()).build()) {
            ScaleLoader loader = new ScaleLoader(db, crm, data, ScaleLoader.Mode.RAW, SEED, false);
            loader.loadTo(100);
            assertThat(ScaleCheck.verify(crm, data, loader.samples(), 100).ok()).isTrue();

            db.execute("UPDATE " + db.table("purchase_line") + " SET quantity = quantity + 1 WHERE position = 0");
            db.execute("UPDATE " + db.table("interaction") + " SET subject = 'changed'");
            ScaleCheck.Checked check = ScaleCheck.verify(crm, data, loader.samples(), 100);
            assertThat(check.mismatches()).anyMatch(m -> m.contains("lines")).anyMatch(m -> m.contains("interactions"));
        }
    }

    @Test
    void smokeRunOfTheSuiteOnH2ReportsEveryStepAndNoMismatch() throws Exception {
        RunOptions options = new RunOptions(Set.of(BenchDatabase.Target.H2), Duration.ofMillis(20),
                Duration.ofMillis(50), SEED, true, Map.of("customers", "500", "interactions", "2500", "purchases", "1000", "loader", "raw"));
        var tables = new ScaleSuite().run(options);
        assertThat(tables).extracting(ResultTable::title).hasSize(3);
        assertThat(tables.get(0).rows()).hasSize(3); // 5, 50, 500 customers
        assertThat(tables.get(1).rows()).hasSize(ScaleSuite.OPERATIONS.size());
        assertThat(tables.get(2).rows()).hasSize(3).allSatisfy(r -> assertThat(r.get(5)).isEqualTo("0"));
        assertThat(tables.get(2).rows().get(2).get(6)).contains("customer=500", "interaction=2500", "purchase=1000");
    }
}
