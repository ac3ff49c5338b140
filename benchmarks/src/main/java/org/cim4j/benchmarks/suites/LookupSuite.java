package org.cim4j.benchmarks.suites;

import java.util.ArrayList;
import java.util.List;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.benchmarks.Interleaved;
import org.cim4j.benchmarks.ResultTable;
import org.cim4j.benchmarks.RunOptions;
import org.cim4j.benchmarks.Suite;
import org.cim4j.benchmarks.Verdict;
import org.cim4j.benchmarks.peer.RawJdbcCustomerDao;
import org.cim4j.benchmarks.peer.hibernate.HibernateCustomerDao;
import org.cim4j.customer.CustomerId;

/**
 * Get one customer by id, with all its child rows: cim4j (uncached, over {@code JdbcStorage})
 * against the hand-written {@link RawJdbcCustomerDao} and the {@link HibernateCustomerDao}, on the
 * same tables and the same key sequence. Parameter {@code customers} (default 10,000; smoke 100).
 * Target: cim4j ≥ 0.4 × raw JDBC.
 */
public final class LookupSuite implements Suite {
    static final double TARGET = 0.4;

    @Override
    public String name() {
        return "lookup";
    }

    @Override
    public String description() {
        return "get customer by id: cim4j (no cache) vs raw JDBC vs Hibernate; target cim4j >= 0.4 x raw";
    }

    @Override
    public List<ResultTable> run(RunOptions options) throws Exception {
        int n = (int) options.longParam("customers", 10_000, 100);
        ResultTable table = new ResultTable("lookup: get customer by id with children (" + n + " customers)",
                "database", "peer", "ops/s", "µs/op", "spread", "ratio to raw", "target");
        for (BenchDatabase.Target target : BenchDatabase.Target.values()) {
            if (!options.runs(target)) {
                continue;
            }
            try (Fixture f = Fixture.open(target, "lookup", options.seed())) {
                List<CustomerId> keys = Fixture.keySequence(f.load(n), options.seed());
                RawJdbcCustomerDao raw = new RawJdbcCustomerDao(f.db);
                List<Interleaved.Peer> peers = new ArrayList<>();
                peers.add(Interleaved.Peer.of("raw JDBC", i -> raw.get(f.tenant, keys.get((int) i & 0xFFFF).value())
                        .orElseThrow()));
                peers.add(Interleaved.Peer.of("cim4j", i -> f.crm.customers().get(keys.get((int) i & 0xFFFF))));
                HibernateCustomerDao hibernate = target == BenchDatabase.Target.MARIADB ? null
                        : new HibernateCustomerDao(f.db);
                try {
                    if (hibernate != null) {
                        peers.add(Interleaved.Peer.of("Hibernate", i -> hibernate.get(f.tenant,
                                keys.get((int) i & 0xFFFF).value()).orElseThrow()));
                    }
                    List<Interleaved.Result> results = Interleaved.of(options).run(peers);
                    addRows(table, target, results);
                } finally {
                    if (hibernate != null) {
                        hibernate.close();
                    }
                }
            }
        }
        return List.of(table);
    }

    /** One row per peer; the baseline is the first result. */
    static void addRows(ResultTable table, BenchDatabase.Target target, List<Interleaved.Result> results) {
        Interleaved.Result base = results.get(0);
        for (Interleaved.Result r : results) {
            double ratio = r.ratioTo(base);
            String verdict = r == base ? "baseline"
                    : r.name().equals("cim4j") ? Verdict.atLeast(ratio, TARGET).toString() : "-";
            table.row(target.name().toLowerCase(), r.name(), r.rate(), r.microsPerOp(), pct(r.spread()), ratio, verdict);
        }
    }

    static String pct(double spread) {
        return Double.isNaN(spread) ? "n/a" : String.format(java.util.Locale.ROOT, "±%.0f%%", spread * 50);
    }

}
