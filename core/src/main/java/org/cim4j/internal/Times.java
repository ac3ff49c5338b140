package org.cim4j.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** Time helpers: the SPI promises microsecond precision, so every stored instant is truncated. */
final class Times {
    private Times() {
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static @Nullable Instant microsOrNull(@Nullable Instant instant) {
        return instant == null ? null : micros(instant);
    }

    static Instant now(Clock clock) {
        return micros(clock.instant());
    }
}
