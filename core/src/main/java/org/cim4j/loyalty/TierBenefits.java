package org.cim4j.loyalty;

import java.util.Map;
import java.util.Objects;

/**
 * What a tier gives its members, for the host to apply (cim4j itself applies only the earn multiplier).
 *
 * @param discountPercent       discount on purchases, 0–100
 * @param earnMultiplierPercent multiplier on rule-earned points, 100 = ×1, 0–10000
 * @param freeShipping          free shipping flag
 * @param priorityService       priority service flag
 * @param perks                 further host-defined perks, e.g. {@code "lounge" -> "yes"}
 */
public record TierBenefits(int discountPercent, int earnMultiplierPercent, boolean freeShipping,
                           boolean priorityService, Map<String, String> perks) {
    /** No benefits, ×1 earning. */
    public static final TierBenefits NONE = new TierBenefits(0, 100, false, false, Map.of());

    public TierBenefits {
        if (discountPercent < 0 || discountPercent > 100) {
            throw new IllegalArgumentException("discount percent must be 0-100, was " + discountPercent);
        }
        if (earnMultiplierPercent < 0 || earnMultiplierPercent > 10_000) {
            throw new IllegalArgumentException("earn multiplier percent must be 0-10000, was " + earnMultiplierPercent);
        }
        perks = Map.copyOf(Objects.requireNonNull(perks, "perks"));
    }

    public static TierBenefits of(int discountPercent, int earnMultiplierPercent, boolean freeShipping,
                                  boolean priorityService) {
        return new TierBenefits(discountPercent, earnMultiplierPercent, freeShipping, priorityService, Map.of());
    }
}
