package org.cim4j.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;
import org.cim4j.IdGenerator;
import org.jspecify.annotations.Nullable;

/**
 * RFC 9562 UUIDv7: 48-bit Unix milliseconds, version 7, 12 bits of sub-millisecond counter, variant,
 * 62 random bits. Monotonic within one generator even when the clock stands still or goes back,
 * because the counter then increments (and the timestamp borrows from it on overflow).
 */
public final class UuidV7Generator implements IdGenerator {
    private final Clock clock;
    private final Random random;
    private long lastMillis = -1;
    private int counter;

    public UuidV7Generator(Clock clock, @Nullable Long seed) {
        this.clock = clock;
        this.random = seed == null ? new SecureRandom() : new Random(seed);
    }

    @Override
    public synchronized UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextInt(1 << 11); // leave headroom for increments in this millisecond
        } else if (++counter > 0xFFF) {
            lastMillis++;
            counter = 0;
        }
        long msb = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
