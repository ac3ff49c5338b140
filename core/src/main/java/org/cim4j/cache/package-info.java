/**
 * Optional caching of storage reads with Caffeine. {@link org.cim4j.cache.CachingStorageProvider}
 * decorates any {@link org.cim4j.spi.StorageProvider}; most hosts turn it on through
 * {@code Cim4j.builder().cache(CacheSettings.defaults())}. Cached: customers by id, customer
 * lookups by contact point and external id, each tenant's tag list, loyalty member accounts
 * (balance, tier) and each tenant's loyalty programs. Never cached: queries, counts, timelines,
 * histories, loyalty ledgers and lots, and anything a read-write transaction (every loyalty
 * command) reads.
 *
 * <p>Guarantees: a write is invalidated in the same instance after its transaction committed and
 * before {@code inTransaction} returns; a rolled-back write leaves the cache untouched; a load that
 * raced with a committed write never makes stale data visible. Other instances on the same database
 * learn about writes through an {@link org.cim4j.cache.InvalidationBus} (messages carry ids,
 * versions and 16-bit key fingerprints, never personal data); without a bus they converge by TTL.
 * One read can bypass the cache with {@link org.cim4j.Cim4jScope#fresh()} or
 * {@link org.cim4j.cache.FreshReads}. See {@code docs/caching.md}.
 */
@NullMarked
package org.cim4j.cache;

import org.jspecify.annotations.NullMarked;
