package org.cim4j.interaction;

/** Who started the interaction. */
public enum Direction {
    /** The customer contacted the business. */
    INBOUND,
    /** The business contacted the customer. */
    OUTBOUND,
    /** No direction applies (a page view, a store visit). */
    NONE
}
