package org.cim4j.testkit;

import org.cim4j.cache.CacheSettings;
import org.cim4j.cache.CachingStorageProvider;
import org.cim4j.cache.InProcessInvalidationBus;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;

/**
 * The kit against the decorator with caching off but a bus set, as an instance that caches nothing
 * yet tells caching instances about its writes: a pure pass-through that must change nothing.
 */
class UncachedDecoratorInMemoryStorageCompatibilityTest extends StorageCompatibilityKit {
    @Override
    protected StorageProvider createProvider() {
        return CachingStorageProvider.wrap(InMemoryStorage.create(), CacheSettings.builder()
                .enabled(false)
                .invalidationBus(InProcessInvalidationBus.create())
                .build());
    }
}
