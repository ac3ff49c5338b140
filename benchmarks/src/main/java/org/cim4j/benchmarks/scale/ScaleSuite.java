package org.cim4j.benchmarks.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import org.cim4j.Cim4j;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.benchmarks.ResultTable;
import org.cim4j.benchmarks.RunOptions;
import org.cim4j.benchmarks.Suite;
import org.cim4j.benchmarks.Verdict;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionQuery;

/**
 * How cim4j's lookups behave as one database grows. The suite loads {@link SyntheticData} with the
 * {@link ScaleLoader} in steps (by default to 1 %, 10 % and 100 % of {@code customers}, i.e. 10k, 100k
 * and 1M), refreshes planner statistics ({@code ANALYZE}) after each step, and measures single-thread
 * operations per second of: get by id, {@code findByContact(EMAIL)}, {@code findByExternalId}, the
 * first page of 50 customers of one lifecycle stage, and the first page of 20 of a customer's
 * interaction timeline. Lookups should stay flat: the verdict is {@code ops(largest) / ops(smallest)
 * ≥ 0.5}. After each step a read-back check compares 200 sampled customers, with all their
 * interactions and purchases, against a fresh generation (see {@link ScaleCheck}).
 *
 * <p>Parameters: {@code customers=1000000}, {@code interactions=5000000}, {@code purchases=2000000}
 * (smoke: 2,000 / 10,000 / 4,000), {@code steps=10000,100000,1000000} (default: 1 %, 10 %, 100 %),
 * {@code loader=api|raw} (default api; see {@link ScaleLoader.Mode}). The API path records purchases one at a
 * time (cim4j has no bulk purchase method), about 300 per second on PostgreSQL, so a full-size run
 * takes hours; {@code loader=raw} loads the same rows with JDBC batches in about half an hour and the
 * load table's title says which path produced its numbers.
 */
public final class ScaleSuite implements Suite {
    static final int CHECK_SAMPLES = 200;

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public String description() {
        return "constant-memory loader (1M customers, 5M interactions, 2M purchases) and lookups at 10k/100k/1M";
    }

    /** Lookup operations in table order. */
    static final List<String> OPERATIONS = List.of("get by id", "findByContact (email)", "findByExternalId",
            "query page: stage, first 50", "timeline page: first 20");
    private static final int LOOKUPS = 3;

    @Override
    public List<ResultTable> run(RunOptions options) throws Exception {
        long customers = options.longParam("customers", 1_000_000, 2_000);
        long interactions = options.longParam("interactions", 5_000_000, 10_000);
        long purchases = options.longParam("purchases", 2_000_000, 4_000);
        ScaleLoader.Mode mode = ScaleLoader.Mode.parse(options.params().getOrDefault("loader", "api"));
        List<Long> steps = steps(options, customers);
        SyntheticData data = new SyntheticData(options.seed(), customers, interactions, purchases);

        ResultTable load = new ResultTable("scale: load rates (customers via cim4j createAll; interactions and purchases"
                + " via " + (mode == ScaleLoader.Mode.API ? "cim4j recordAll / record" : "raw JDBC batches") + ")",
                "database", "customers after step", "customers/s", "interactions/s", "purchases/s (lines)",
                "step wall time", "max heap after GC");
        ResultTable lookups = new ResultTable("scale: single-thread operations per second by database size",
                headers(steps));
        ResultTable checks = new ResultTable("scale: read-back check through cim4j and table sizes", "database",
                "customers", "sampled customers", "their interactions", "their purchases", "mismatches",
                "rows per table");
        for (BenchDatabase.Target target : BenchDatabase.Target.values()) {
            if (!options.runs(target)) {
                continue;
            }
            Optional<String> why = BenchDatabase.unavailableReason(target);
            if (why.isPresent()) {
                System.err.println("[cim4j-benchmarks] scale: skipping " + target + ": " + why.get());
                continue;
            }
            try (BenchDatabase db = BenchDatabase.open(target, "b2_scale", 4);
                 Cim4j crm = Cim4j.builder().storage(db.storage()).build()) {
                ScaleLoader loader = new ScaleLoader(db, crm, data, mode, options.seed(), true);
                Map<String, List<Double>> ops = new LinkedHashMap<>();
                OPERATIONS.forEach(o -> ops.put(o, new ArrayList<>()));
                for (long step : steps) {
                    ScaleLoader.Totals before = loader.totals();
                    long t0 = System.nanoTime();
                    loader.loadTo(step);
                    long wall = System.nanoTime() - t0;
                    ScaleLoader.Totals after = loader.totals();
                    load.row(target, String.format(Locale.ROOT, "%,d", step),
                            ScaleLoader.Totals.rate(after.customers() - before.customers(),
                                    after.customerNanos() - before.customerNanos()),
                            ScaleLoader.Totals.rate(after.interactions() - before.interactions(),
                                    after.interactionNanos() - before.interactionNanos()),
                            String.format(Locale.ROOT, "%s (%s)", ResultTable.format(ScaleLoader.Totals.rate(
                                            after.purchases() - before.purchases(),
                                            after.purchaseNanos() - before.purchaseNanos())),
                                    ResultTable.format(ScaleLoader.Totals.rate(after.lines() - before.lines(),
                                            after.purchaseNanos() - before.purchaseNanos()))),
                            seconds(wall), String.format(Locale.ROOT, "%.0f MB", after.peakHeapBytes() / 1048576.0));
                    analyze(db);
                    ScaleCheck.Checked check = ScaleCheck.verify(crm, data, loader.samples(), CHECK_SAMPLES);
                    if (!check.ok()) {
                        System.err.println("[cim4j-benchmarks] scale: read-back mismatches: "
                                + check.mismatches().subList(0, Math.min(10, check.mismatches().size())));
                    }
                    checks.row(target, String.format(Locale.ROOT, "%,d", step), check.customers(),
                            check.interactions(), check.purchases(), check.mismatches().size(),
                            ScaleCheck.tableCounts(db).toString());
                    System.err.printf(Locale.ROOT, "[scale] %s: %,d customers loaded, measuring lookups%n", target, step);
                    measure(crm, data, loader.samples(), options, ops);
                }
                for (String op : OPERATIONS) {
                    List<Double> v = ops.get(op);
                    List<Object> row = new ArrayList<>();
                    row.add(target);
                    row.add(op);
                    row.addAll(v);
                    double ratio = v.get(v.size() - 1) / v.get(0);
                    row.add(ratio);
                    row.add(OPERATIONS.indexOf(op) < LOOKUPS ? Verdict.atLeast(ratio, 0.5).toString()
                            : Verdict.atLeast(ratio, 0.5) + " (informative)");
                    lookups.row(row.toArray());
                }
            }
        }
        return List.of(load, lookups, checks);
    }

    private static String[] headers(List<Long> steps) {
        List<String> h = new ArrayList<>();
        h.add("database");
        h.add("operation");
        for (long s : steps) {
            h.add("ops/s @ " + human(s));
        }
        h.add("ratio " + human(steps.get(steps.size() - 1)) + " / " + human(steps.get(0)));
        h.add("verdict (flat: ≥ 0.5)");
        return h.toArray(String[]::new);
    }

    static String human(long n) {
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n >= 1_000 && n % 1_000 == 0) {
            return n / 1_000 + "k";
        }
        return Long.toString(n);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** {@code steps=} or 1 %, 10 % and 100 % of the customers (duplicates and zeros dropped). */
    static List<Long> steps(RunOptions options, long customers) {
        TreeSet<Long> steps = new TreeSet<>();
        String given = options.params().get("steps");
        if (given != null) {
            for (String s : given.split(",")) {
                steps.add(Long.parseLong(s.trim().replace("_", "")));
            }
        } else {
            steps.add(customers / 100);
            steps.add(customers / 10);
        }
        steps.add(customers);
        steps.removeIf(s -> s <= 0 || s > customers);
        return List.copyOf(steps);
    }

    /** Refreshes planner statistics of the loaded tables. */
    static void analyze(BenchDatabase db) {
        for (String t : ScaleCheck.TABLES) {
            switch (db.target()) {
                case POSTGRESQL:
                    db.execute("ANALYZE " + db.table(t));
                    break;
                case MARIADB:
                    db.execute("ANALYZE TABLE " + db.table(t));
                    break;
                default:
                    break;
            }
        }
        if (db.target() == BenchDatabase.Target.H2) {
            db.execute("ANALYZE");
        }
    }

    /** Measures every operation for the warm-up, then the measurement time, on random samples. */
    private static void measure(Cim4j crm, SyntheticData data, List<ScaleLoader.Sample> samples, RunOptions options,
                                Map<String, List<Double>> out) {
        SplittableRandom random = new SplittableRandom(options.seed());
        List<Function<ScaleLoader.Sample, Boolean>> ops = List.of(
                s -> crm.customers().find(CustomerId.of(s.id())).isPresent(),
                s -> crm.customers().findByContact(ContactType.EMAIL, data.email(s.index())).size() == 1,
                s -> crm.customers().findByExternalId(data.externalId(s.index())).isPresent(),
                s -> {
                    Page<Customer> p = crm.customers().find(CustomerQuery.builder()
                            .stage(data.stage(s.index())).build(), PageRequest.first(50));
                    return !p.items().isEmpty();
                },
                s -> {
                    Page<Interaction> p = crm.interactions().timeline(CustomerId.of(s.id()), InteractionQuery.all(),
                            PageRequest.first(20));
                    return p.items().size() == Math.min(20,
                            data.firstInteraction(s.index() + 1) - data.firstInteraction(s.index()));
                });
        for (int o = 0; o < ops.size(); o++) {
            Function<ScaleLoader.Sample, Boolean> op = ops.get(o);
            run(op, samples, random, options.warmup());
            out.get(OPERATIONS.get(o)).add(run(op, samples, random, options.measure()));
        }
    }

    /** Runs {@code op} for {@code time}; ops/s. A wrong answer is a bug, not a timing: it fails the run. */
    private static double run(Function<ScaleLoader.Sample, Boolean> op, List<ScaleLoader.Sample> samples,
                              SplittableRandom random, Duration time) {
        long end = System.nanoTime() + time.toNanos();
        long start = System.nanoTime();
        long n = 0;
        long now;
        do {
            ScaleLoader.Sample s = samples.get(random.nextInt(samples.size()));
            if (!op.apply(s)) {
                throw new IllegalStateException("scale: wrong answer for sampled customer #" + s.index());
            }
            n++;
            now = System.nanoTime();
        } while (now < end);
        return n * 1e9 / (now - start);
    }

    /**
     * Runs this suite alone through the {@link org.cim4j.benchmarks.Workload} runner, e.g.
     * {@code --db pg --param loader=raw --warmup 2s --measure 5s}.
     */
    public static void main(String[] args) {
        String[] all = new String[args.length + 2];
        all[0] = "--suite";
        all[1] = "scale";
        System.arraycopy(args, 0, all, 2, args.length);
        org.cim4j.benchmarks.Workload.main(all);
    }
}
