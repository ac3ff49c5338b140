package org.cim4j.benchmarks.suites;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cim4j.IdGenerator;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.benchmarks.CustomerFactory;
import org.cim4j.benchmarks.Interleaved;
import org.cim4j.benchmarks.ResultTable;
import org.cim4j.benchmarks.RunOptions;
import org.cim4j.benchmarks.Suite;
import org.cim4j.benchmarks.Verdict;
import org.cim4j.benchmarks.peer.RawCustomer;
import org.cim4j.benchmarks.peer.RawJdbcCustomerDao;
import org.cim4j.customer.NewCustomer;

/**
 * Creating customers, one per call (one transaction each) and in batches (parameter {@code batch},
 * default 1,000, smoke 50): cim4j's {@code create} / {@code createAll} against the raw peer's
 * single insert / {@code executeBatch}. Every customer is new (own e-mail, phone and external id;
 * each peer draws from its own factory lane so they never clash), and each peer writes the same
 * rows: customer, unique keys, contacts, address, external id, attribute, tag. cim4j additionally
 * validates and normalises input, checks that the tag exists and looks up holders of the unique
 * keys before writing; those are part of what is measured. Target: batched ≥ 0.7 × raw.
 */
public final class CreateSuite implements Suite {
    static final double TARGET = 0.7;

    @Override
    public String name() {
        return "create";
    }

    @Override
    public String description() {
        return "create customers single and batched: cim4j vs raw JDBC executeBatch; target batched >= 0.7 x raw";
    }

    @Override
    public List<ResultTable> run(RunOptions options) throws Exception {
        int batch = (int) options.longParam("batch", 1_000, 50);
        ResultTable table = new ResultTable("create: customers per second (single = one per transaction, batched = "
                + batch + " per call)", "database", "mode", "peer", "customers/s", "µs/customer", "spread",
                "ratio to raw", "target");
        IdGenerator ids = IdGenerator.uuidV7(Clock.systemUTC());
        Clock clock = Clock.systemUTC();
        for (BenchDatabase.Target target : BenchDatabase.Target.values()) {
            if (!options.runs(target)) {
                continue;
            }
            try (Fixture f = Fixture.open(target, "create", options.seed())) {
                // A production table is neither empty nor unanalysed: start from some customers with statistics.
                f.load((int) options.longParam("create.preload", 10_000, 100));
                RawJdbcCustomerDao raw = new RawJdbcCustomerDao(f.db);
                CustomerFactory rawSingle = new CustomerFactory(options.seed(), 1, f.tag);
                CustomerFactory cimSingle = new CustomerFactory(options.seed(), 2, f.tag);
                CustomerFactory rawBatch = new CustomerFactory(options.seed(), 3, f.tag);
                CustomerFactory cimBatch = new CustomerFactory(options.seed(), 4, f.tag);
                List<Interleaved.Result> single = Interleaved.of(options).run(List.of(
                        Interleaved.Peer.of("raw JDBC", i -> {
                            raw.insert(RawCustomer.create(f.tenant, ids.next(), rawSingle.next(), clock.instant()));
                            return Boolean.TRUE;
                        }),
                        Interleaved.Peer.of("cim4j", i -> f.crm.customers().create(cimSingle.next()))));
                addRows(table, target, "single", single, false);
                f.analyze();
                List<Interleaved.Result> batched = Interleaved.of(options).run(List.of(
                        new Interleaved.Peer("raw JDBC", batch, i -> {
                            List<NewCustomer> in = rawBatch.next(batch);
                            List<RawCustomer> rows = new ArrayList<>(batch);
                            for (NewCustomer n : in) {
                                rows.add(RawCustomer.create(f.tenant, ids.next(), n, clock.instant()));
                            }
                            raw.insertBatch(rows);
                            return Boolean.TRUE;
                        }),
                        new Interleaved.Peer("cim4j", batch, i -> f.crm.customers().createAll(cimBatch.next(batch)))));
                addRows(table, target, "batched", batched, true);
            }
        }
        return List.of(table);
    }

    private static void addRows(ResultTable table, BenchDatabase.Target target, String mode,
                                List<Interleaved.Result> results, boolean withTarget) {
        Interleaved.Result base = results.get(0);
        for (Interleaved.Result r : results) {
            double ratio = r.ratioTo(base);
            String verdict = r == base ? "baseline" : withTarget ? Verdict.atLeast(ratio, TARGET).toString() : "-";
            table.row(target.name().toLowerCase(), mode, r.name(), r.rate(), r.nanos() / 1e3 / r.units(),
                    LookupSuite.pct(r.spread()), ratio, verdict);
        }
    }
}
