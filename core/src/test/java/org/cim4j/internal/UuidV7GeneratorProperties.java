package org.cim4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.cim4j.IdGenerator;

class UuidV7GeneratorProperties {

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void idsAreStrictlyIncreasing_evenWhenTheClockStandsStillOrGoesBack(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3000) int count,
            @ForAll @LongRange(min = -5, max = 5) long step) {
        StepClock clock = new StepClock(1_767_225_600_000L, step);
        IdGenerator ids = IdGenerator.seeded(clock, seed);
        UUID previous = ids.next();
        for (int i = 1; i < count; i++) {
            UUID next = ids.next();
            assertThat(compareUnsigned(next, previous)).as("id %d", i).isPositive();
            previous = next;
        }
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.FIRST)
    void versionAndVariantBits(@ForAll long seed, @ForAll @LongRange(min = 0, max = 1L << 47) long millis) {
        UUID id = IdGenerator.seeded(new StepClock(millis, 0), seed).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Property(tries = 50)
    void sameSeedAndClock_sameIds(@ForAll long seed) {
        List<UUID> a = take(IdGenerator.seeded(new StepClock(1_000_000, 1), seed), 50);
        List<UUID> b = take(IdGenerator.seeded(new StepClock(1_000_000, 1), seed), 50);

        assertThat(a).isEqualTo(b).doesNotHaveDuplicates();
    }

    private static List<UUID> take(IdGenerator ids, int n) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ids.next());
        }
        return out;
    }

    /** UUIDv7 order is the unsigned order of its 128 bits. */
    private static int compareUnsigned(UUID a, UUID b) {
        int hi = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return hi != 0 ? hi : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** A clock that moves {@code step} milliseconds (possibly zero or negative) on every read. */
    private static final class StepClock extends Clock {
        private long millis;
        private final long step;

        StepClock(long start, long step) {
            this.millis = start;
            this.step = step;
        }

        @Override
        public long millis() {
            long now = millis;
            millis += step;
            return Math.max(now, 0);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
