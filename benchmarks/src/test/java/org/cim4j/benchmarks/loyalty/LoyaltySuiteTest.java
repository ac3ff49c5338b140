package org.cim4j.benchmarks.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cim4j.Cim4j;
import org.cim4j.TransientStorageException;
import org.cim4j.ValidationException;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.benchmarks.ResultTable;
import org.cim4j.benchmarks.RunOptions;
import org.cim4j.benchmarks.Servers;
import org.cim4j.customer.CustomerId;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The loyalty driver does what it reports: every counted operation left an earn and a redeem in the
 * ledger, balances equal the ledger sums and never go negative, on every database. No timing is
 * asserted.
 */
class LoyaltySuiteTest {

    private static RunOptions smoke(BenchDatabase.Target target) {
        return new RunOptions(Set.of(target), Duration.ofMillis(100), Duration.ofMillis(400), 3, true,
                Map.of("members", "10", "threads", "2"));
    }

    @ParameterizedTest
    @EnumSource(BenchDatabase.Target.class)
    void countedOperationsAreInTheLedgerAndBalancesAddUp(BenchDatabase.Target target) throws Exception {
        Servers.require(target);
        try (BenchDatabase db = BenchDatabase.open(target, "b2_t_loyalty", 4);
             Cim4j crm = Cim4j.builder().storage(db.storage()).build()) {
            List<CustomerId> members = LoyaltySuite.setUp(crm, 10, "t");
            CustomerId hot = LoyaltySuite.setUp(crm, 1, "hot").get(0);
            LoyaltySuite.Scenario uniform = LoyaltySuite.drive(db, crm, "uniform", 2, members, smoke(target));
            LoyaltySuite.Scenario single = LoyaltySuite.drive(db, crm, "hot", 2, List.of(hot), smoke(target));

            assertThat(uniform.ops()).isPositive();
            assertThat(single.ops()).isPositive();
            long earnsOfAll = 0;
            for (CustomerId m : members) {
                earnsOfAll += checkLedger(crm, m);
            }
            // warm-up and measurement both write; only the measured operations are counted
            assertThat(earnsOfAll).isGreaterThanOrEqualTo(uniform.ops());
            assertThat(checkLedger(crm, hot)).isGreaterThanOrEqualTo(single.ops());
            assertThat(single.ledgerEntries()).isEqualTo(crm.loyalty().ledger(LoyaltySuite.PROGRAM, hot).size());
            if (target == BenchDatabase.Target.POSTGRESQL) {
                assertThat(single.waitEvents()).isNotEqualTo("n/a");
            }
        }
    }

    /** Checks one member's ledger and returns its number of EARN entries. */
    private static long checkLedger(Cim4j crm, CustomerId member) {
        List<LedgerEntry> ledger = crm.loyalty().ledger(LoyaltySuite.PROGRAM, member);
        long earns = ledger.stream().filter(e -> e.kind() == EntryKind.EARN).count();
        long redeems = ledger.stream().filter(e -> e.kind() == EntryKind.REDEEM).count();
        long sum = ledger.stream().mapToLong(LedgerEntry::delta).sum();
        assertThat(ledger).allMatch(e -> e.kind() == EntryKind.EARN || e.kind() == EntryKind.REDEEM);
        assertThat(redeems).isBetween(earns - 2, earns); // a stopped worker may have earned without redeeming
        assertThat(sum).isEqualTo(LoyaltySuite.EARN * earns - LoyaltySuite.REDEEM * redeems).isNotNegative();
        assertThat(crm.loyalty().balance(LoyaltySuite.PROGRAM, member).value()).isEqualTo(sum);
        return earns;
    }

    @Test
    void smokeRunOnH2ReportsBothScenariosPerThreadCount() throws Exception {
        List<ResultTable> tables = new LoyaltySuite().run(smoke(BenchDatabase.Target.H2));
        assertThat(tables).hasSize(2);
        assertThat(tables.get(0).rows()).hasSize(1).allSatisfy(r -> assertThat(r.get(0)).isEqualTo("H2"));
        assertThat(tables.get(1).rows()).extracting(r -> r.get(2)).containsExactly("uniform", "hot");
    }

    @Test
    void failuresAreNamedByTypeAndExhaustedRetriesSaySo() {
        assertThat(LoyaltySuite.failureName(new TransientStorageException("x", new RuntimeException())))
                .isEqualTo("TransientStorageException (retries exhausted)");
        assertThat(LoyaltySuite.failureName(ValidationException.of("earn", "points", "bad")))
                .isEqualTo("ValidationException");
    }
}
