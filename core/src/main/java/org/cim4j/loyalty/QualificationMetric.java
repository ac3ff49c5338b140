package org.cim4j.loyalty;

/** What counts towards a tier. */
public enum QualificationMetric {
    /** Points earned by purchases and events in the window, net of reversals (adjustments do not count). */
    POINTS_EARNED,
    /** Net purchase spend in the window, in whole units of the program currency (rounded down). */
    SPEND,
    /** Purchases in the window that were not fully refunded. */
    ORDER_COUNT
}
