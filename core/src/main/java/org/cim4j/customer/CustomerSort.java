package org.cim4j.customer;

/**
 * Order of a customer query. Every order ends with the customer id as a tie-breaker, which is what
 * makes keyset pagination exact.
 */
public enum CustomerSort {
    /** Oldest first: {@code (createdAt, id)} ascending. The default. */
    CREATED_ASC,
    /** Newest first: {@code (createdAt, id)} descending. */
    CREATED_DESC,
    /**
     * By {@link Person#sortName()} then id, ascending, comparing strings by code point (binary), so
     * every backend orders alike regardless of its collation.
     */
    NAME_ASC
}
