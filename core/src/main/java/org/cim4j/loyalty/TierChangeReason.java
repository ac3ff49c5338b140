package org.cim4j.loyalty;

/** Why a member's tier state changed. */
public enum TierChangeReason {
    /** Qualified for a higher tier; applied immediately. */
    UPGRADE,
    /** Did not requalify at period end (and any grace period was over). */
    DOWNGRADE,
    /** Did not requalify at period end; keeps the tier until the grace period ends. */
    GRACE_STARTED,
    /** Requalified while in a grace period; the grace period ends. */
    GRACE_CLEARED
}
