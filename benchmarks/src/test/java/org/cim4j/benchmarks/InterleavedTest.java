package org.cim4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterleavedTest {

    @Test
    void run_countsEveryCallAndUnitsPerPeer() throws Exception {
        List<Long> seenA = new ArrayList<>();
        List<Long> seenB = new ArrayList<>();
        Interleaved m = new Interleaved(Duration.ofMillis(10), Duration.ofMillis(30), 3);

        List<Interleaved.Result> r = m.run(List.of(
                Interleaved.Peer.of("a", i -> seenA.add(i)),
                new Interleaved.Peer("b", 10, i -> seenB.add(i))));

        assertThat(r).extracting(Interleaved.Result::name).containsExactly("a", "b");
        // Warm-up calls come first; the measured calls are the last ones, numbered without gaps.
        assertThat(r.get(0).ops()).isPositive().isLessThanOrEqualTo(seenA.size());
        assertThat(r.get(1).units()).isEqualTo(r.get(1).ops() * 10);
        for (int k = 0; k < seenA.size(); k++) {
            assertThat(seenA.get(k)).isEqualTo(k);
        }
        assertThat(java.util.Arrays.stream(r.get(0).roundRates()).boxed().toList()).hasSize(3).allMatch(x -> x > 0);
        assertThat(java.util.Arrays.stream(r.get(1).roundRates()).boxed().toList()).hasSize(3).allMatch(x -> x > 0);
        assertThat(m.sink()).isEqualTo(seenA.size() + seenB.size());
    }

    @Test
    void result_rateAndRatioComeFromTotals() {
        Interleaved.Result a = new Interleaved.Result("a", 100, 100, 1_000_000_000L, new double[] {90, 110});
        Interleaved.Result b = new Interleaved.Result("b", 50, 500, 2_000_000_000L, new double[] {250, 250});

        assertThat(a.rate()).isEqualTo(100.0);
        assertThat(b.rate()).isEqualTo(250.0);
        assertThat(b.ratioTo(a)).isEqualTo(2.5);
        assertThat(a.microsPerOp()).isEqualTo(10_000.0);
        assertThat(a.spread()).isEqualTo(0.2);
        assertThat(b.spread()).isZero();
    }

    @Test
    void constructor_rejectsBadSettings() {
        assertThatThrownBy(() -> new Interleaved(Duration.ZERO, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("measure");
        assertThatThrownBy(() -> new Interleaved(Duration.ZERO, Duration.ofMillis(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rounds");
        assertThatThrownBy(() -> new Interleaved.Peer("x", 0, i -> i))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unitsPerOp");
    }
}
