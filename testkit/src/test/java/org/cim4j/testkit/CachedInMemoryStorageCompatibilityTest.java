package org.cim4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cim4j.cache.CacheSettings;
import org.cim4j.cache.CacheStats;
import org.cim4j.cache.CachingStorageProvider;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;
import org.junit.jupiter.api.AfterAll;

/**
 * The kit against the reference adapter behind the Caffeine decorator with caching on: the
 * decorator must honour the whole SPI contract. (Caching off is the plain
 * {@link InMemoryStorageCompatibilityTest}.) Afterwards it checks that the contracts, the loyalty
 * ones included, were really answered from the caches and not only passed through.
 */
class CachedInMemoryStorageCompatibilityTest extends StorageCompatibilityKit {
    private static final List<CachingStorageProvider> CREATED = new CopyOnWriteArrayList<>();

    @Override
    protected StorageProvider createProvider() {
        CachingStorageProvider p = CachingStorageProvider.wrap(InMemoryStorage.create(), CacheSettings.defaults());
        CREATED.add(p);
        return p;
    }

    @AfterAll
    static void everyCacheWasUsed() {
        if (CREATED.size() < 100) {
            return; // a filtered run of a few contracts: nothing to conclude
        }
        // The lookups cache is left out: as observed, no contract of the kit repeats a lookup by
        // contact or external id in read-only work, so it never hits here (CachingStorageProviderTest covers it).
        for (String cache : List.of("customers", "tagLists", "loyaltyAccounts", "loyaltyPrograms")) {
            long hits = CREATED.stream().flatMap(p -> p.stats().stream()).filter(s -> s.cache().equals(cache))
                    .mapToLong(CacheStats::hits).sum();
            assertThat(hits).as("hits of the %s cache over the whole kit", cache).isPositive();
        }
        CREATED.clear();
    }
}
