package org.cim4j.loyalty;

/** What counts towards a tier. */
public enum QualificationMetric {
    /**
     * Points earned in the window (by purchases, events and manual earns), net of their reversals;
     * adjustments, redemptions and expiry do not count.
     */
    POINTS_EARNED,
    /** Net purchase spend in the window, in whole units of the program currency (rounded down). */
    SPEND,
    /** Purchases in the window that were not fully refunded. */
    ORDER_COUNT
}
