package org.cim4j.loyalty;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Limits on redeeming. One redeem command pays for one order, so the maximum applies per command.
 *
 * @param minimum         smallest redemption allowed, at least 1
 * @param maximumPerOrder largest redemption per command, or {@code null} for no limit
 */
public record RedemptionRules(Points minimum, @Nullable Points maximumPerOrder) {
    /** Any positive amount, no maximum. */
    public static final RedemptionRules UNRESTRICTED = new RedemptionRules(Points.of(1), null);

    public RedemptionRules {
        Objects.requireNonNull(minimum, "minimum");
        if (minimum.isZero()) {
            throw new IllegalArgumentException("minimum redemption must be at least 1");
        }
        if (maximumPerOrder != null && maximumPerOrder.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("maximum per order must not be below the minimum");
        }
    }
}
