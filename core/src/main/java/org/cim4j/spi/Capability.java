package org.cim4j.spi;

/**
 * Optional abilities an adapter declares in {@link StorageProvider#capabilities()}. The engine
 * uses generic fallbacks where one is missing, and the compatibility kit skips (does not fail)
 * the tests of capabilities an adapter lacks.
 */
public enum Capability {
    /** {@code insertAll} methods use a real bulk path (batched statements), not a loop. */
    BULK_LOAD,
    /** Aggregations (analytics) can be computed inside the store instead of in the JVM. */
    SQL_ANALYTICS_PUSHDOWN,
    /** Several provider instances (or processes) can work on the same data at once, safely. */
    SHARED_ACROSS_INSTANCES,
    /** Data survives a restart of the JVM. */
    DURABLE
}
