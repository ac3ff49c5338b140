package org.cim4j.customer;

/**
 * Record status. Only {@link #ACTIVE} customers hold unique keys (external ids, primary contacts)
 * and appear in queries by default; the others stay resolvable by id.
 */
public enum CustomerStatus {
    /** A live customer record. */
    ACTIVE,
    /** Merged into another customer ({@link Customer#mergedInto()}). */
    MERGED,
    /** Soft-deleted: kept for history, hidden from queries, unique keys released. */
    DELETED,
    /** Personal data erased for privacy; only ids and aggregates remain. */
    ERASED
}
