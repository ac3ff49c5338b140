package org.cim4j.loyalty;

import java.util.Objects;
import org.cim4j.commerce.Money;

/**
 * One rule of a program's earn policy. A purchase earns {@link BasePoints} per full money unit of
 * each line, times the best matching {@link SkuMultiplier} or {@link CategoryMultiplier} of the line,
 * times the member's tier earn multiplier, then limited by {@link OrderCap} and {@link DailyCap}.
 * Events earn their {@link EventBonus} (not multiplied, but counted against the daily cap).
 * Multipliers are whole percentages (150 = ×1.5) so calculation stays exact; fractions of a point
 * are rounded down once per order.
 */
public sealed interface EarnRule {

    /**
     * {@code points} for every full {@code per} spent, e.g. 1 point per 1.00 CNY.
     *
     * @param per    the money unit, positive; its currency is the program's purchase currency
     * @param points points per unit, positive
     */
    record BasePoints(Money per, long points) implements EarnRule {
        public BasePoints {
            Objects.requireNonNull(per, "per");
            if (per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("base unit must be positive, was " + per);
            }
            if (points <= 0) {
                throw new IllegalArgumentException("base points must be positive, was " + points);
            }
        }
    }

    /**
     * Lines of this product category earn {@code percent}% of base points.
     *
     * @param category product category as recorded on purchase lines
     * @param percent  multiplier in percent, 0–10000 (0 excludes the category)
     */
    record CategoryMultiplier(String category, int percent) implements EarnRule {
        public CategoryMultiplier {
            Objects.requireNonNull(category, "category");
            checkPercent(percent);
        }
    }

    /**
     * Lines of this SKU earn {@code percent}% of base points; wins over a category multiplier.
     *
     * @param sku     stock keeping unit
     * @param percent multiplier in percent, 0–10000
     */
    record SkuMultiplier(String sku, int percent) implements EarnRule {
        public SkuMultiplier {
            Objects.requireNonNull(sku, "sku");
            checkPercent(percent);
        }
    }

    /**
     * A fixed bonus for a business event.
     *
     * @param event  the event
     * @param points bonus, positive
     */
    record EventBonus(EarnEvent event, long points) implements EarnRule {
        public EventBonus {
            Objects.requireNonNull(event, "event");
            if (points <= 0) {
                throw new IllegalArgumentException("bonus must be positive, was " + points);
            }
        }
    }

    /**
     * At most {@code points} per order (after multipliers).
     *
     * @param points the cap, positive
     */
    record OrderCap(long points) implements EarnRule {
        public OrderCap {
            if (points <= 0) {
                throw new IllegalArgumentException("order cap must be positive, was " + points);
            }
        }
    }

    /**
     * At most {@code points} earned by rules per calendar day (in the program's zone); manual earns and
     * adjustments do not count.
     *
     * @param points the cap, positive
     */
    record DailyCap(long points) implements EarnRule {
        public DailyCap {
            if (points <= 0) {
                throw new IllegalArgumentException("daily cap must be positive, was " + points);
            }
        }
    }

    private static void checkPercent(int percent) {
        if (percent < 0 || percent > 10_000) {
            throw new IllegalArgumentException("multiplier percent must be 0-10000, was " + percent);
        }
    }
}
