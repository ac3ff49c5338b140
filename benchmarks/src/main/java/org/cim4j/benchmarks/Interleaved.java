package org.cim4j.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Measures several peers doing the same work (cim4j, raw JDBC, Hibernate, ...) fairly: after a
 * warm-up, the measure time is cut into {@code rounds} rounds and every round runs each peer in
 * turn for {@code measure / rounds}, starting with a different peer each round. A slow drift of the
 * machine (another process, the JIT, a growing database, a checkpoint) then hits every peer alike
 * instead of whichever ran last.
 *
 * <p><b>Rate.</b> A peer's rate is its total units over its total measured time across all
 * rounds, not the median of the per-round rates: a peer that causes a GC pause or a database
 * flush must pay for it, and total/total is the throughput a caller would see. The spread of the
 * per-round rates is reported next to it ({@link Result#spread()}) so a noisy run shows.
 *
 * <p><b>Clock overhead.</b> The deadline is checked after a chunk of operations whose size doubles
 * while a chunk takes under 0.2 ms, so sub-microsecond operations (cache hits) are not dominated by
 * {@link System#nanoTime()} and long ones (a batch insert) overshoot the round by at most one op.
 *
 * <p>Not thread-safe; one measurement at a time. Results only report; nothing here fails on speed.
 */
public final class Interleaved {
    private static final long CHUNK_TARGET_NANOS = 200_000;
    private static final int MAX_CHUNK = 1 << 16;

    /** One operation of a peer; {@code i} counts calls of this peer from 0, for deterministic inputs. */
    @FunctionalInterface
    public interface Op {
        Object run(long i) throws Exception;
    }

    /**
     * A competitor.
     *
     * @param name        shown in tables, e.g. {@code cim4j}
     * @param unitsPerOp  units of work one call does (1 for a lookup, 1,000 for a batch of 1,000)
     * @param op          the operation
     */
    public record Peer(String name, int unitsPerOp, Op op) {
        public Peer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(op, "op");
            if (unitsPerOp < 1) {
                throw new IllegalArgumentException("unitsPerOp must be >= 1, was " + unitsPerOp);
            }
        }

        public static Peer of(String name, Op op) {
            return new Peer(name, 1, op);
        }
    }

    /**
     * What one peer did while measured.
     *
     * @param name       peer name
     * @param ops        calls measured
     * @param units      units of work measured ({@code ops * unitsPerOp})
     * @param nanos      measured time
     * @param roundRates units per second in each round
     */
    public record Result(String name, long ops, long units, long nanos, double[] roundRates) {
        public Result {
            roundRates = roundRates.clone();
        }

        /** Units per second over all rounds (total units / total time). */
        public double rate() {
            return nanos == 0 ? 0 : units * 1e9 / nanos;
        }

        /** Mean time of one call in microseconds. */
        public double microsPerOp() {
            return ops == 0 ? Double.NaN : nanos / 1e3 / ops;
        }

        /** (max - min) / median of the per-round rates; 0 for a single round. */
        public double spread() {
            if (roundRates.length < 2) {
                return 0;
            }
            double[] s = roundRates.clone();
            Arrays.sort(s);
            double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
            return median == 0 ? Double.NaN : (s[s.length - 1] - s[0]) / median;
        }

        /** This peer's rate divided by {@code other}'s. */
        public double ratioTo(Result other) {
            return other.rate() == 0 ? Double.NaN : rate() / other.rate();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && r.name.equals(name) && r.ops == ops && r.units == units
                    && r.nanos == nanos && Arrays.equals(r.roundRates, roundRates);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, ops, units, nanos) * 31 + Arrays.hashCode(roundRates);
        }

        @Override
        public String toString() {
            return name + "[" + String.format(java.util.Locale.ROOT, "%.1f", rate()) + "/s, ops=" + ops + "]";
        }
    }

    private final Duration warmup;
    private final Duration measure;
    private final int rounds;
    private long sink;

    /**
     * @param warmup  total warm-up time, shared by the peers (each warms up for {@code warmup / peers})
     * @param measure measured time of each peer, split into {@code rounds} rounds
     * @param rounds  rounds of interleaving, at least 1
     */
    public Interleaved(Duration warmup, Duration measure, int rounds) {
        if (warmup.isNegative() || measure.isNegative() || measure.isZero()) {
            throw new IllegalArgumentException("warmup must be >= 0 and measure > 0, were " + warmup + ", " + measure);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, was " + rounds);
        }
        this.warmup = warmup;
        this.measure = measure;
        this.rounds = rounds;
    }

    /** The usual settings for a run: 5 rounds, or 2 in a smoke run. */
    public static Interleaved of(RunOptions options) {
        return new Interleaved(options.warmup(), options.measure(), options.smoke() ? 2 : 5);
    }

    /** Warms up, then measures every peer interleaved; results are in the order of {@code peers}. */
    public List<Result> run(List<Peer> peers) throws Exception {
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("no peers to measure");
        }
        int n = peers.size();
        long[] next = new long[n];
        long warmPerPeer = warmup.toNanos() / n;
        // Warm-up interleaved too, in two halves, so no peer starts measuring right after a cold sibling.
        for (int half = 0; half < 2 && warmPerPeer > 0; half++) {
            for (int p = 0; p < n; p++) {
                runFor(peers.get(p), next, p, warmPerPeer / 2, null);
            }
        }
        long[] ops = new long[n];
        long[] nanos = new long[n];
        double[][] roundRates = new double[n][rounds];
        long slice = Math.max(1, measure.toNanos() / rounds);
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                int p = (r + k) % n;
                long[] out = new long[2];
                runFor(peers.get(p), next, p, slice, out);
                ops[p] += out[0];
                nanos[p] += out[1];
                roundRates[p][r] = out[1] == 0 ? 0 : out[0] * (double) peers.get(p).unitsPerOp() * 1e9 / out[1];
            }
        }
        List<Result> results = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            results.add(new Result(peers.get(p).name(), ops[p], ops[p] * peers.get(p).unitsPerOp(), nanos[p],
                    roundRates[p]));
        }
        return results;
    }

    private void runFor(Peer peer, long[] next, int p, long budget, long[] out) throws Exception {
        Op op = peer.op();
        long start = System.nanoTime();
        long deadline = start + budget;
        long now = start;
        long done = 0;
        int chunk = 1;
        long i = next[p];
        do {
            long chunkStart = now;
            for (int c = 0; c < chunk; c++) {
                Object r = op.run(i++);
                if (r != null) {
                    sink++;
                }
            }
            done += chunk;
            now = System.nanoTime();
            if (now - chunkStart < CHUNK_TARGET_NANOS && chunk < MAX_CHUNK) {
                chunk <<= 1;
            }
        } while (now < deadline);
        next[p] = i;
        if (out != null) {
            out[0] = done;
            out[1] = now - start;
        }
    }

    /** Number of non-null results seen; read so the JIT cannot drop the operations. */
    public long sink() {
        return sink;
    }
}
