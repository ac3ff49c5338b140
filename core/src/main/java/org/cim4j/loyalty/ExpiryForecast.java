package org.cim4j.loyalty;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Points of a balance that expire at one instant.
 *
 * @param expiresAt when, or {@code null} for points that never expire
 * @param points    how many
 */
public record ExpiryForecast(@Nullable Instant expiresAt, Points points) {
    public ExpiryForecast {
        Objects.requireNonNull(points, "points");
    }
}
