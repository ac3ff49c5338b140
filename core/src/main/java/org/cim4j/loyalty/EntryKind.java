package org.cim4j.loyalty;

/** The kinds of ledger entries. */
public enum EntryKind {
    /** Points earned; creates a lot. Positive delta. */
    EARN,
    /** Points spent; consumes lots FIFO by expiry, then age. Negative delta. */
    REDEEM,
    /** Points of an expired lot removed by an expiry run. Negative delta. */
    EXPIRE,
    /** Undoes an earn (negative delta) or a redemption (positive delta, restoring the consumed lots). */
    REVERSAL,
    /** Manual correction with a reason and an actor; positive creates a lot, negative consumes FIFO. */
    ADJUST
}
