package org.cim4j.loyalty;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of activity that counts towards tiers.
 *
 * @param at        when it happened
 * @param reference ledger entry id (points) or purchase id (spend and orders)
 * @param points    points earned, net (may be negative for a reversal)
 * @param spend     net spend in whole program currency units
 * @param orders    orders counted (1 for a purchase not fully refunded, else 0)
 */
public record QualifyingActivity(Instant at, String reference, long points, long spend, int orders) {
    public QualifyingActivity {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reference, "reference");
    }

    /** The value of {@code metric} for this activity. */
    public long value(QualificationMetric metric) {
        switch (metric) {
            case POINTS_EARNED:
                return points;
            case SPEND:
                return spend;
            case ORDER_COUNT:
                return orders;
            default:
                throw new IllegalArgumentException("unknown metric " + metric);
        }
    }
}
