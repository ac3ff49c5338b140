package org.cim4j.loyalty;

/** Why points were earned, for statements and qualification. */
public enum EarnSource {
    /** A purchase; the reference is the order or purchase id. */
    PURCHASE,
    /** A business event bonus ({@link EarnEvent}); the reference is the event name or its id. */
    EVENT,
    /** Granted by hand through an earn command; the reference is a note. */
    MANUAL
}
