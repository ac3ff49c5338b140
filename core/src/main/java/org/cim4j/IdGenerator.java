package org.cim4j;

import java.time.Clock;
import java.util.UUID;
import org.cim4j.internal.UuidV7Generator;

/**
 * Source of new record ids. The default makes time-ordered UUIDv7 values (index friendly, sortable
 * by creation). Tests inject {@link #seeded(Clock, long)} for reproducible ids.
 * Implementations must be thread-safe and never return the same value twice.
 */
@FunctionalInterface
public interface IdGenerator {
    UUID next();

    /** UUIDv7 from the clock's milliseconds and a secure random tail, monotonic per generator. */
    static IdGenerator uuidV7(Clock clock) {
        return new UuidV7Generator(clock, null);
    }

    /** UUIDv7 whose random part comes from a seeded generator: same seed and clock, same ids. */
    static IdGenerator seeded(Clock clock, long seed) {
        return new UuidV7Generator(clock, seed);
    }
}
