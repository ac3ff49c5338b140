package org.cim4j.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cim4j.benchmarks.loyalty.LoyaltySuite;
import org.cim4j.benchmarks.scale.ScaleSuite;
import org.cim4j.benchmarks.suites.CacheSuite;
import org.cim4j.benchmarks.suites.CreateSuite;
import org.cim4j.benchmarks.suites.LookupSuite;
import org.cim4j.benchmarks.suites.PagingSuite;
import org.jspecify.annotations.Nullable;

/**
 * The workload runner: runs the chosen {@link Suite}s on the chosen databases and prints a header
 * (date, JVM, OS, cores, heap, arguments) and every result table as markdown, also written to
 * {@code --out}. Unlike JMH it measures cim4j and its peers side by side on realistic data sets and
 * states each target's {@link Verdict}.
 *
 * <pre>
 * mvn -B -q -DskipTests -Pbench -pl benchmarks -am verify \
 *     -Dbench.args="--suite lookup,create --db h2,pg --warmup 2s --measure 5s"
 * </pre>
 *
 * A server database that does not answer is skipped with one line saying why, except when the
 * environment has {@code CI=true}: there a missing server fails the run (exit status 1), so CI
 * cannot pass by measuring nothing.
 */
public final class Workload {

    /**
     * Every suite the runner knows, in the order they run. To add one, add one line here.
     */
    static List<Suite> suites() {
        return List.of(
                new LookupSuite(),
                new CreateSuite(),
                new CacheSuite(),
                new PagingSuite(),
                new LoyaltySuite(),
                new ScaleSuite()
        );
    }

    private Workload() {
    }

    /**
     * Parsed command line.
     *
     * @param suites  suite names, in the order given (all suites when none were given)
     * @param targets databases
     * @param warmup  warm-up time per measurement
     * @param measure measured time per peer and measurement
     * @param seed    seed for generated data and key choice
     * @param smoke   tiny data and short measurements (proves the code runs, not how fast)
     * @param params  suite parameters ({@code --param name=value})
     * @param out     markdown file to write, or null for none
     * @param help    only print the usage
     */
    public record Args(List<String> suites, Set<BenchDatabase.Target> targets, Duration warmup, Duration measure,
                       long seed, boolean smoke, Map<String, String> params, @Nullable Path out, boolean help) {
        public Args {
            suites = List.copyOf(suites);
            targets = Set.copyOf(targets);
            params = Map.copyOf(params);
        }

        /** Parses {@code --suite a,b --db h2,pg --warmup 2s --measure 5s --seed 42 --smoke --param k=v --out f}. */
        public static Args parse(String... argv) {
            List<String> suites = new ArrayList<>();
            Set<BenchDatabase.Target> targets = new LinkedHashSet<>();
            Duration warmup = null;
            Duration measure = null;
            long seed = 42;
            boolean smoke = false;
            boolean help = false;
            Map<String, String> params = new LinkedHashMap<>();
            Path out = Path.of("target", "bench-results.md");
            // exec-maven-plugin passes -Dbench.args as one argument: split it like a shell would (no quoting).
            List<String> words = new ArrayList<>();
            for (String a : argv) {
                for (String w : a.trim().split("\\s+")) {
                    if (!w.isEmpty()) {
                        words.add(w);
                    }
                }
            }
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                switch (w) {
                    case "--help", "-h" -> help = true;
                    case "--smoke" -> smoke = true;
                    case "--suite", "--suites" -> split(value(words, ++i, w)).forEach(s -> suites.add(s.toLowerCase(Locale.ROOT)));
                    case "--db", "--dbs" -> split(value(words, ++i, w)).forEach(s -> targets.add(BenchDatabase.Target.parse(s)));
                    case "--warmup" -> warmup = duration(value(words, ++i, w), w);
                    case "--measure" -> measure = duration(value(words, ++i, w), w);
                    case "--seed" -> seed = Long.parseLong(value(words, ++i, w));
                    case "--out" -> {
                        String v = value(words, ++i, w);
                        out = v.equals("-") || v.equals("none") ? null : Path.of(v);
                    }
                    case "--param" -> {
                        String v = value(words, ++i, w);
                        int eq = v.indexOf('=');
                        if (eq < 1) {
                            throw new IllegalArgumentException("--param needs name=value, was '" + v + "'");
                        }
                        params.put(v.substring(0, eq), v.substring(eq + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + w + "' (try --help)");
                }
            }
            if (targets.isEmpty()) {
                targets.add(BenchDatabase.Target.H2);
            }
            if (warmup == null) {
                warmup = smoke ? Duration.ofMillis(100) : Duration.ofSeconds(5);
            }
            if (measure == null) {
                measure = smoke ? Duration.ofMillis(200) : Duration.ofSeconds(10);
            }
            return new Args(suites, targets, warmup, measure, seed, smoke, params, out, help);
        }

        private static String value(List<String> words, int i, String flag) {
            if (i >= words.size() || words.get(i).startsWith("--")) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return words.get(i);
        }

        private static List<String> split(String v) {
            return List.of(v.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        /** {@code 500ms}, {@code 2s}, {@code 1m}; a bare number means seconds. */
        static Duration duration(String v, String flag) {
            String s = v.trim().toLowerCase(Locale.ROOT);
            try {
                if (s.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
                }
                if (s.endsWith("s")) {
                    return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
                }
                if (s.endsWith("m")) {
                    return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)) * 60);
                }
                return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a duration like 500ms, 2s or 1m, was '" + v + "'");
            }
        }
    }

    /**
     * What a run produced.
     *
     * @param header  the header lines (markdown)
     * @param tables  every suite's tables, in order
     * @param skipped one line per database that was skipped, with the reason
     */
    public record Report(String header, List<ResultTable> tables, List<String> skipped) {
        public Report {
            tables = List.copyOf(tables);
            skipped = List.copyOf(skipped);
        }

        public String markdown() {
            StringBuilder sb = new StringBuilder(header).append('\n');
            skipped.forEach(s -> sb.append("> skipped: ").append(s).append("\n\n"));
            tables.forEach(t -> sb.append(t.markdown()).append('\n'));
            return sb.toString();
        }
    }

    /** Thrown when a database is unreachable on CI, or a suite name is unknown. */
    public static final class WorkloadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkloadException(String message) {
            super(message);
        }
    }

    public static void main(String[] argv) {
        quietLogging();
        int status;
        try {
            status = run(argv, System.out, "true".equalsIgnoreCase(System.getenv("CI")));
        } catch (IllegalArgumentException | WorkloadException e) {
            System.err.println("[cim4j-benchmarks] " + e.getMessage());
            status = e instanceof IllegalArgumentException ? 2 : 1;
        } catch (Exception e) {
            System.err.println("[cim4j-benchmarks] run failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /**
     * Keeps library INFO logs (pool start, Flyway) out of the result stream and routes Hibernate's
     * logging through SLF4J, unless the caller configured otherwise.
     */
    static void quietLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    /** Parses, runs and prints; returns the exit status. */
    static int run(String[] argv, PrintStream out, boolean ci) throws Exception {
        Args args = Args.parse(argv);
        if (args.help()) {
            out.println(usage());
            return 0;
        }
        Report report = execute(args, out, ci);
        if (args.out() != null) {
            Path file = args.out().toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, report.markdown(), StandardCharsets.UTF_8);
            out.println("[cim4j-benchmarks] results written to " + file);
        }
        return 0;
    }

    /**
     * Runs the suites in {@code args}, printing the header and each table to {@code out} as soon as
     * it is ready.
     *
     * @param ci whether an unreachable database fails the run instead of being skipped
     * @throws WorkloadException if a suite is unknown, or on CI a database is unreachable
     */
    public static Report execute(Args args, PrintStream out, boolean ci) throws Exception {
        List<Suite> chosen = choose(args.suites());
        List<String> skipped = new ArrayList<>();
        Set<BenchDatabase.Target> targets = new LinkedHashSet<>();
        for (BenchDatabase.Target t : BenchDatabase.Target.values()) {
            if (!args.targets().contains(t)) {
                continue;
            }
            Optional<String> reason = BenchDatabase.unavailableReason(t);
            if (reason.isPresent()) {
                if (ci) {
                    throw new WorkloadException("CI=true and " + reason.get());
                }
                out.println("[cim4j-benchmarks] skipping " + t + ": " + reason.get());
                skipped.add(reason.get());
            } else {
                targets.add(t);
            }
        }
        RunOptions options = new RunOptions(targets, args.warmup(), args.measure(), args.seed(), args.smoke(),
                args.params());
        String header = header(args, targets);
        out.println(header);
        List<ResultTable> tables = new ArrayList<>();
        for (Suite s : chosen) {
            long start = System.nanoTime();
            List<ResultTable> produced = s.run(options);
            out.printf(Locale.ROOT, "[cim4j-benchmarks] suite %s took %.1f s%n", s.name(), (System.nanoTime() - start) / 1e9);
            for (ResultTable t : produced) {
                out.println(t.markdown());
                out.flush();
                tables.add(t);
            }
        }
        return new Report(header, tables, skipped);
    }

    static List<Suite> choose(List<String> names) {
        List<Suite> all = suites();
        if (names.isEmpty()) {
            return all;
        }
        List<Suite> chosen = new ArrayList<>();
        for (String n : names) {
            Suite s = all.stream().filter(x -> x.name().equals(n)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown suite '" + n + "'; known: "
                            + all.stream().map(Suite::name).toList()));
            chosen.add(s);
        }
        return chosen;
    }

    static String header(Args args, Set<BenchDatabase.Target> targets) {
        Runtime rt = Runtime.getRuntime();
        return "## cim4j workload run\n\n"
                + "- date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n"
                + "- JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + "\n"
                + "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + "), " + rt.availableProcessors() + " cores, max heap "
                + rt.maxMemory() / (1024 * 1024) + " MiB\n"
                + "- databases: " + targets + "\n"
                + "- args: suites=" + (args.suites().isEmpty() ? "all" : String.join(",", args.suites()))
                + ", warmup=" + args.warmup() + ", measure=" + args.measure() + ", seed=" + args.seed()
                + (args.smoke() ? ", smoke" : "") + (args.params().isEmpty() ? "" : ", params=" + args.params()) + "\n";
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("""
                cim4j workload runner
                  --suite a,b       suites to run (default: all)
                  --db h2,pg,mariadb databases (default: h2); unreachable servers are skipped unless CI=true
                  --warmup 5s       warm-up per measurement (500ms, 2s, 1m)
                  --measure 10s     measured time per peer, split into interleaved rounds
                  --seed 42         seed for generated data and key choice
                  --smoke           tiny data, short runs: proves the code runs, not how fast it is
                  --param k=v       suite parameter, e.g. customers=100000 (repeatable)
                  --out file.md     also write the tables here (default target/bench-results.md; '-' for none)
                suites:
                """);
        for (Suite s : suites()) {
            sb.append(String.format(Locale.ROOT, "  %-10s %s%n", s.name(), s.description()));
        }
        return sb.toString();
    }
}
