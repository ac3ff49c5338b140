package org.cim4j.cache;

import java.util.Objects;

/**
 * Counters of one cache of a {@link CachingStorageProvider} since it was built. A snapshot:
 * immutable, taken by {@link CachingStorageProvider#stats()}. Holds numbers only, so it is safe to
 * log.
 *
 * @param cache         {@code "customers"}, {@code "lookups"}, {@code "tagLists"},
 *                      {@code "loyaltyAccounts"} or {@code "loyaltyPrograms"}
 * @param hits          reads answered from the cache
 * @param misses        reads the cache could not answer (absent, expired or invalidated entry)
 * @param bypasses      reads that skipped the cache on purpose (inside a transaction that wrote,
 *                      in a read-write transaction, or a {@linkplain FreshReads fresh} read)
 * @param evictions     entries removed for size or expiry
 * @param invalidations entries removed by committed writes, local or from the bus (a bus message
 *                      about a loyalty account invalidates by stripe and removes nothing: it shows
 *                      as the next read's miss)
 * @param size          approximate number of entries now
 */
public record CacheStats(String cache, long hits, long misses, long bypasses, long evictions, long invalidations,
                         long size) {
    public CacheStats {
        Objects.requireNonNull(cache, "cache");
        if (hits < 0 || misses < 0 || bypasses < 0 || evictions < 0 || invalidations < 0 || size < 0) {
            throw new IllegalArgumentException("cache statistics must not be negative");
        }
    }

    /** Reads the cache was asked: {@code hits + misses}. */
    public long requests() {
        return hits + misses;
    }

    /** {@code hits / requests}, or 1.0 when there was no request (as in Caffeine). */
    public double hitRate() {
        long requests = requests();
        return requests == 0 ? 1.0 : (double) hits / requests;
    }
}
