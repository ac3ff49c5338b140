package org.cim4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the peer suites of the workload runner in smoke mode (tiny data, ~200 ms measurements) on H2
 * and, when reachable, on PostgreSQL and MariaDB, and checks that every expected table and row is
 * there with a positive rate. It asserts no timing and no ratio: it proves the benchmarks run, not
 * how fast anything is. With {@code CI=true} an unreachable server fails the test.
 */
class WorkloadSmokeTest {
    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    @BeforeAll
    static void quiet() {
        Workload.quietLogging();
    }

    @Test
    void smokeRun_everySuiteOnEveryReachableDatabase() throws Exception {
        List<String> dbs = new ArrayList<>(List.of("h2"));
        for (Map.Entry<String, BenchDatabase.Target> e : Map.of("pg", BenchDatabase.Target.POSTGRESQL,
                "mariadb", BenchDatabase.Target.MARIADB).entrySet()) {
            Optional<String> reason = BenchDatabase.unavailableReason(e.getValue());
            if (reason.isEmpty() || CI) {
                dbs.add(e.getKey()); // on CI an unreachable server makes execute() throw
            } else {
                System.out.println("[WorkloadSmokeTest] skipping " + e.getKey() + ": " + reason.get());
            }
        }
        dbs.sort(null);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Workload.Report report = Workload.execute(Workload.Args.parse("--smoke", "--seed", "1", "--out", "-",
                "--suite", "lookup,create,cache,paging", // scale and loyalty have smoke tests of their own
                "--db", String.join(",", dbs)), new PrintStream(buf, true, StandardCharsets.UTF_8), CI);

        int n = dbs.size();
        boolean mariadb = dbs.contains("mariadb");
        assertThat(report.tables()).extracting(ResultTable::title).satisfiesExactly(
                t -> assertThat(t).startsWith("lookup:"), t -> assertThat(t).startsWith("create:"),
                t -> assertThat(t).startsWith("cache: get"), t -> assertThat(t).startsWith("cache: targets"),
                t -> assertThat(t).startsWith("paging:"));
        // lookup: raw, cim4j, Hibernate per database (no Hibernate on MariaDB)
        checkRates(report.tables().get(0), 3 * n - (mariadb ? 1 : 0), 2);
        // create: single and batched, raw and cim4j
        checkRates(report.tables().get(1), 4 * n, 3);
        // cache: bare Caffeine, cached, uncached, Caffeine configured as cim4j's; then two target rows per database
        checkRates(report.tables().get(2), 4 * n, 2);
        checkRates(report.tables().get(3), 2 * n, 2);
        // paging: keyset and OFFSET, page 1 and deep page
        checkRates(report.tables().get(4), 4 * n, 3);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("## cim4j workload run").contains("### lookup:");
        for (ResultTable t : report.tables()) {
            for (String db : dbs) {
                String name = BenchDatabase.Target.parse(db).name().toLowerCase();
                assertThat(t.rows()).as(t.title() + " rows of " + name).anyMatch(r -> r.get(0).equals(name));
            }
        }
    }

    private static void checkRates(ResultTable table, int rows, int rateColumn) {
        assertThat(table.rows()).as(table.title()).hasSize(rows);
        for (List<String> row : table.rows()) {
            String cell = row.get(rateColumn).replace(",", "");
            assertThat(Double.parseDouble(cell)).as(table.title() + " " + row).isPositive();
        }
    }
}
