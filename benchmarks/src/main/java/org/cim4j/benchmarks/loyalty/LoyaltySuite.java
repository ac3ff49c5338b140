package org.cim4j.benchmarks.loyalty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.cim4j.Cim4j;
import org.cim4j.TransientStorageException;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.benchmarks.ResultTable;
import org.cim4j.benchmarks.RunOptions;
import org.cim4j.benchmarks.Suite;
import org.cim4j.benchmarks.Verdict;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.NewCustomer;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.ExpiryPolicy;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.LoyaltyService;
import org.cim4j.loyalty.Points;
import org.cim4j.loyalty.ProgramId;
import org.cim4j.loyalty.QualificationMetric;
import org.cim4j.loyalty.QualificationWindow;
import org.cim4j.loyalty.RedemptionRules;
import org.cim4j.loyalty.TierBenefits;
import org.cim4j.loyalty.TierCriterion;
import org.cim4j.loyalty.TierDefinition;
import org.cim4j.loyalty.TierPolicy;

/**
 * Earn-and-redeem throughput of the loyalty ledger. One operation is an {@code earn} of
 * {@value #EARN} points followed by a {@code redeem} of {@value #REDEEM} on the same member, each
 * with a fresh idempotency key, so balances only grow and no redemption can fail for lack of
 * points. Two scenarios run with the same thread counts on the same database:
 *
 * <ul>
 *   <li><b>uniform</b>: every operation picks one of {@code members} (default 1,000) enrolled members
 *       at random, so account locks rarely collide;</li>
 *   <li><b>hot</b>: every operation goes to one member (a fresh one per thread count), so every
 *       command queues on the same {@code SELECT … FOR UPDATE}.</li>
 * </ul>
 *
 * <p>The verdict is {@code hot / uniform ≥ 0.5}. Failures are counted by exception type and always
 * reported. To show where a hot account's time goes, the suite reports the mean latency of earn and
 * redeem in the first and last fifth of the measurement, the ledger length the hot member reached,
 * and on PostgreSQL the share of the suite's sessions that were waiting on a lock (sampled from
 * {@code pg_stat_activity} every 50 ms).
 *
 * <p>Parameters: {@code members=1000}, {@code threads=4,8} (smoke: 50 members, 2 threads).
 */
public final class LoyaltySuite implements Suite {
    static final long EARN = 100;
    static final long REDEEM = 60;
    static final ProgramId PROGRAM = ProgramId.of("bench-club");

    @Override
    public String name() {
        return "loyalty";
    }

    @Override
    public String description() {
        return "loyalty earn+redeem throughput: uniform members vs one hot member, several threads";
    }

    /** The program the suite runs: three tiers by points earned, points expire after 24 months. */
    static LoyaltyProgram program() {
        TierPolicy tiers = new TierPolicy(List.of(
                TierDefinition.of("basic", "Basic", 0, TierBenefits.NONE),
                TierDefinition.of("silver", "Silver", 1, TierBenefits.of(5, 110, false, false),
                        TierCriterion.of(QualificationMetric.POINTS_EARNED, 5_000)),
                TierDefinition.of("gold", "Gold", 2, TierBenefits.of(10, 125, true, false),
                        TierCriterion.of(QualificationMetric.POINTS_EARNED, 50_000))),
                QualificationWindow.rollingMonths(12), 1);
        return LoyaltyProgram.simple(PROGRAM, "Bench Club", Currency.getInstance("EUR"), ZoneId.of("Europe/Berlin"))
                .withExpiry(ExpiryPolicy.afterMonths(24))
                .withRedemption(RedemptionRules.UNRESTRICTED)
                .withTiers(tiers);
    }

    /** Outcome of one scenario at one thread count. */
    record Scenario(String name, int threads, long ops, Duration measured, Map<String, Long> failures,
                    double earnMs, double redeemMs, double earnMsFirst, double earnMsLast, long ledgerEntries,
                    double lockWaitShare, String waitEvents) {
        double opsPerSecond() {
            return measured.isZero() ? Double.NaN : ops * 1e9 / measured.toNanos();
        }

        String failureText() {
            return failures.isEmpty() ? "none" : failures.entrySet().stream()
                    .map(e -> e.getKey() + " × " + e.getValue()).collect(Collectors.joining(", "));
        }
    }

    @Override
    public List<ResultTable> run(RunOptions options) throws Exception {
        int members = (int) options.longParam("members", 1000, 50);
        int[] threadCounts = Arrays.stream(options.params().getOrDefault("threads", options.smoke() ? "2" : "4,8")
                .split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int maxThreads = Arrays.stream(threadCounts).max().orElse(1);

        ResultTable throughput = new ResultTable("loyalty: earn+redeem operations per second (uniform = "
                + members + " members, hot = 1 member)", "database", "threads", "uniform ops/s", "hot ops/s",
                "hot / uniform", "verdict (≥ 0.5)", "failures uniform", "failures hot");
        ResultTable profile = new ResultTable("loyalty: where the time goes (mean ms per command)", "database",
                "threads", "scenario", "earn ms", "redeem ms", "earn ms, first 20%", "earn ms, last 20%",
                "ledger entries per member at end", "sessions waiting on a lock", "top wait events (PostgreSQL)");
        for (BenchDatabase.Target target : BenchDatabase.Target.values()) {
            if (!options.runs(target)) {
                continue;
            }
            Optional<String> why = BenchDatabase.unavailableReason(target);
            if (why.isPresent()) {
                System.err.println("[cim4j-benchmarks] loyalty: skipping " + target + ": " + why.get());
                throughput.row(target, "-", "skipped: not reachable", "", "", "", "", "");
                continue;
            }
            try (BenchDatabase db = BenchDatabase.open(target, "b2_loyalty", maxThreads + 2);
                 Cim4j crm = Cim4j.builder().storage(db.storage()).build()) {
                List<CustomerId> uniform = setUp(crm, members, "u");
                for (int threads : threadCounts) {
                    CustomerId hotMember = setUp(crm, 1, "hot" + threads).get(0);
                    Scenario u = drive(db, crm, "uniform", threads, uniform, options);
                    Scenario h = drive(db, crm, "hot", threads, List.of(hotMember), options);
                    double ratio = h.opsPerSecond() / u.opsPerSecond();
                    throughput.row(target, threads, u.opsPerSecond(), h.opsPerSecond(), ratio,
                            Verdict.atLeast(ratio, 0.5), u.failureText(), h.failureText());
                    for (Scenario s : List.of(u, h)) {
                        profile.row(target, threads, s.name(), s.earnMs(), s.redeemMs(), s.earnMsFirst(),
                                s.earnMsLast(), s.ledgerEntries(),
                                Double.isNaN(s.lockWaitShare()) ? "n/a" : String.format(java.util.Locale.ROOT,
                                        "%.0f %%", s.lockWaitShare() * 100), s.waitEvents());
                    }
                }
            }
        }
        return List.of(throughput, profile);
    }

    /** Defines the program (idempotent) and creates and enrols {@code n} members. */
    static List<CustomerId> setUp(Cim4j crm, int n, String prefix) {
        crm.loyalty().defineProgram(program());
        List<CustomerId> ids = new ArrayList<>(n);
        for (int from = 0; from < n; from += 500) {
            List<NewCustomer> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 500); i++) {
                chunk.add(NewCustomer.builder().name("Member " + prefix + "-" + i)
                        .email("member." + prefix + "." + i + "@loyalty.example.com").build());
            }
            crm.customers().createAll(chunk).forEach(c -> ids.add(c.id()));
        }
        ids.forEach(id -> crm.loyalty().enrol(PROGRAM, id));
        return ids;
    }

    private static final int WARMUP = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;

    /** Runs {@code threads} workers over {@code members} for the warm-up, then for the measurement. */
    static Scenario drive(BenchDatabase db, Cim4j crm, String name, int threads, List<CustomerId> members,
                          RunOptions options) throws Exception {
        AtomicInteger phase = new AtomicInteger(WARMUP);
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        List<long[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        LoyaltyService loyalty = crm.loyalty();
        String run = name + threads + "-" + Long.toHexString(options.seed());
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int worker = t;
            workers[t] = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(options.seed() * 31 + worker);
                List<long[]> mine = new ArrayList<>();
                long n = 0;
                while (phase.get() != STOP) {
                    CustomerId member = members.get(random.nextInt(members.size()));
                    String key = "bench:" + run + ":" + worker + ":" + n++;
                    long t0 = System.nanoTime();
                    try {
                        loyalty.earn(PROGRAM, member, Points.of(EARN), EarnReason.manual("bench"),
                                IdempotencyKey.of(key + ":e"));
                        long t1 = System.nanoTime();
                        loyalty.redeem(PROGRAM, member, Points.of(REDEEM), null, IdempotencyKey.of(key + ":r"));
                        long t2 = System.nanoTime();
                        if (phase.get() == MEASURE) {
                            mine.add(new long[] {t2, t1 - t0, t2 - t1});
                        }
                    } catch (RuntimeException e) {
                        if (phase.get() == MEASURE) {
                            failures.computeIfAbsent(failureName(e), k -> new LongAdder()).increment();
                        }
                    }
                }
                samples.addAll(mine);
            }, "bench-loyalty-" + name + "-" + t);
            workers[t].start();
        }
        LockSampler sampler = db.target() == BenchDatabase.Target.POSTGRESQL ? new LockSampler(db.schema()) : null;
        long start;
        long end;
        try {
            Thread.sleep(options.warmup().toMillis());
            start = System.nanoTime();
            phase.set(MEASURE);
            if (sampler != null) {
                sampler.start();
            }
            Thread.sleep(options.measure().toMillis());
            phase.set(STOP);
            end = System.nanoTime();
        } finally {
            phase.set(STOP);
            if (sampler != null) {
                sampler.stop();
            }
            for (Thread w : workers) {
                w.join();
            }
        }
        List<long[]> all = new ArrayList<>(samples);
        all.removeIf(s -> s[0] > end);
        all.sort((a, b) -> Long.compare(a[0], b[0]));
        long ledger = ledgerEntriesPerMember(crm, members);
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((k, v) -> failed.put(k, v.sum()));
        int fifth = Math.max(1, all.size() / 5);
        return new Scenario(name, threads, all.size(), Duration.ofNanos(end - start), failed,
                meanMs(all, 1, 0, all.size()), meanMs(all, 2, 0, all.size()), meanMs(all, 1, 0, fifth),
                meanMs(all, 1, all.size() - fifth, all.size()), ledger,
                sampler == null ? Double.NaN : sampler.waitingShare(), sampler == null ? "n/a" : sampler.topEvents());
    }

    /** The mean ledger length of the members (exact for one member, else over up to 20 of them). */
    private static long ledgerEntriesPerMember(Cim4j crm, List<CustomerId> members) {
        int n = Math.min(20, members.size());
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += crm.loyalty().ledger(PROGRAM, members.get(i)).size();
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double meanMs(List<long[]> samples, int column, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += samples.get(i)[column];
        }
        return sum / 1e6 / (to - from);
    }

    /** Exception type for the failure count; a transient failure here means the adapter's retries ran out. */
    static String failureName(RuntimeException e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof TransientStorageException) {
            return name + " (retries exhausted)";
        }
        return name;
    }

    /**
     * Samples {@code pg_stat_activity} on its own connection: of the sessions running one of the
     * suite's statements, how many wait on a heavyweight lock (a row lock of {@code FOR UPDATE}).
     */
    static final class LockSampler {
        private final String schema;
        private volatile boolean running;
        private Thread thread;
        private long waiting;
        private long busy;
        private final Map<String, Long> events = new TreeMap<>();

        LockSampler(String schema) {
            this.schema = schema;
        }

        void start() {
            running = true;
            thread = new Thread(this::loop, "bench-loyalty-lock-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            try (Connection c = DriverManager.getConnection(BenchDatabase.url(BenchDatabase.Target.POSTGRESQL));
                 PreparedStatement st = c.prepareStatement("SELECT coalesce(wait_event_type || ':' || wait_event,"
                         + " 'running') FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND state = 'active'"
                         + " AND query LIKE ?")) {
                st.setString(1, "%" + schema + ".%");
                while (running) {
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            String event = rs.getString(1);
                            synchronized (this) {
                                busy++;
                                if (event.startsWith("Lock:")) {
                                    waiting++;
                                }
                                events.merge(event, 1L, Long::sum);
                            }
                        }
                    }
                    Thread.sleep(50);
                }
            } catch (SQLException e) {
                System.err.println("[cim4j-benchmarks] loyalty: lock sampling stopped: SQLState " + e.getSQLState());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join();
            }
        }

        /** Samples per wait event ({@code running} when not waiting), most frequent first. */
        synchronized String topEvents() {
            return events.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(3)
                    .map(e -> e.getKey() + " " + Math.round(100.0 * e.getValue() / Math.max(1, busy)) + " %")
                    .collect(Collectors.joining(", "));
        }

        /** Waiting sessions / active sessions over all samples. */
        synchronized double waitingShare() {
            return busy == 0 ? 0 : (double) waiting / busy;
        }
    }

    /**
     * Runs this suite alone through the {@link org.cim4j.benchmarks.Workload} runner, e.g.
     * {@code --db h2,pg --warmup 2s --measure 5s --param threads=4,8}.
     */
    public static void main(String[] args) {
        String[] all = new String[args.length + 2];
        all[0] = "--suite";
        all[1] = "loyalty";
        System.arraycopy(args, 0, all, 2, args.length);
        org.cim4j.benchmarks.Workload.main(all);
    }
}
