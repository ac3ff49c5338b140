package org.cim4j.loyalty;

import java.util.Objects;

/**
 * When earned points expire. Each earn creates a lot whose expiry is fixed when it is earned, so a
 * later policy change never shortens points a member already holds.
 */
public sealed interface ExpiryPolicy {

    /** Points never expire. */
    static ExpiryPolicy never() {
        return Never.INSTANCE;
    }

    /** Points expire {@code months} months after they were earned. */
    static ExpiryPolicy afterMonths(int months) {
        return new AfterMonths(months);
    }

    /** Points expire at the end of the period they were earned in, plus {@code periodsAfter} periods. */
    static ExpiryPolicy endOfPeriod(CalendarPeriod period, int periodsAfter) {
        return new EndOfPeriod(period, periodsAfter);
    }

    /** Points never expire. */
    enum Never implements ExpiryPolicy {
        INSTANCE
    }

    /**
     * A fixed number of months after earning.
     *
     * @param months 1–600
     */
    record AfterMonths(int months) implements ExpiryPolicy {
        public AfterMonths {
            if (months < 1 || months > 600) {
                throw new IllegalArgumentException("expiry months must be 1-600, was " + months);
            }
        }
    }

    /**
     * At the end of a calendar period, e.g. {@code (YEAR, 1)}: points earned in 2026 expire at the
     * end of 2027.
     *
     * @param period       calendar period
     * @param periodsAfter whole periods added after the earning period, 0–100
     */
    record EndOfPeriod(CalendarPeriod period, int periodsAfter) implements ExpiryPolicy {
        public EndOfPeriod {
            Objects.requireNonNull(period, "period");
            if (periodsAfter < 0 || periodsAfter > 100) {
                throw new IllegalArgumentException("periodsAfter must be 0-100, was " + periodsAfter);
            }
        }
    }
}
