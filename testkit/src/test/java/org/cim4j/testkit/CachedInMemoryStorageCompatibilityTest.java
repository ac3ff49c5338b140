package org.cim4j.testkit;

import org.cim4j.cache.CacheSettings;
import org.cim4j.cache.CachingStorageProvider;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;

/**
 * The kit against the reference adapter behind the Caffeine decorator with caching on: the
 * decorator must honour the whole SPI contract. (Caching off is the plain
 * {@link InMemoryStorageCompatibilityTest}.)
 */
class CachedInMemoryStorageCompatibilityTest extends StorageCompatibilityKit {
    @Override
    protected StorageProvider createProvider() {
        return CachingStorageProvider.wrap(InMemoryStorage.create(), CacheSettings.defaults());
    }
}
