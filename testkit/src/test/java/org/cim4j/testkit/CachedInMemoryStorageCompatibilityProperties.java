package org.cim4j.testkit;

import org.cim4j.cache.CacheSettings;
import org.cim4j.cache.CachingStorageProvider;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;

/**
 * The model-based properties against the cached reference adapter, with caches of two entries so
 * that evictions and reloads happen all the time.
 */
class CachedInMemoryStorageCompatibilityProperties extends StorageCompatibilityProperties {
    @Override
    protected StorageProvider createProvider() {
        return CachingStorageProvider.wrap(InMemoryStorage.create(), CacheSettings.builder()
                .customerMaximumSize(2)
                .lookupMaximumSize(2)
                .tagListMaximumSize(2)
                .build());
    }
}
