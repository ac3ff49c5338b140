package org.cim4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cim4j.cache.CacheSettings;
import org.cim4j.cache.CacheStats;
import org.cim4j.cache.CachingStorageProvider;
import org.cim4j.cache.InProcessInvalidationBus;
import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.StorageCompatibilityKit;
import org.junit.jupiter.api.AfterAll;

/**
 * The storage compatibility kit on a JDBC database behind the caching decorator: every "instance"
 * ({@link #createProvider()}, {@link #openAnotherProvider()}) is its own cache over its own
 * {@link JdbcStorage} on one database, kept coherent by an in-process bus. So the JDBC stores (row
 * locks, batch inserts, the loyalty store) run under cached reads. After a full run it checks that
 * the loyalty caches were really used, so a decorator that silently stopped caching is noticed.
 */
abstract class CachedJdbcCompatibilityKit extends StorageCompatibilityKit {
    private static final List<CachingStorageProvider> CREATED = new CopyOnWriteArrayList<>();
    private InProcessInvalidationBus bus = InProcessInvalidationBus.create();

    /** The test class's database. */
    protected abstract TestDatabase database();

    @AfterAll
    static void cachesWereUsed() {
        try {
            if (CREATED.size() >= 100) { // the whole kit ran, not a filtered few contracts
                for (String cache : List.of("loyaltyAccounts", "loyaltyPrograms")) {
                    long hits = CREATED.stream().flatMap(p -> p.stats().stream())
                            .filter(s -> s.cache().equals(cache)).mapToLong(CacheStats::hits).sum();
                    assertThat(hits).as("hits of the %s cache over the whole kit", cache).isPositive();
                }
            }
        } finally {
            CREATED.clear();
        }
    }

    @Override
    protected StorageProvider createProvider() {
        bus = InProcessInvalidationBus.create();
        return cached(database().freshProvider());
    }

    @Override
    protected StorageProvider openAnotherProvider() {
        return cached(database().anotherProvider());
    }

    private StorageProvider cached(JdbcStorage storage) {
        CachingStorageProvider p = CachingStorageProvider.wrap(storage, CacheSettings.defaults().withInvalidationBus(bus));
        CREATED.add(p);
        return p;
    }
}
