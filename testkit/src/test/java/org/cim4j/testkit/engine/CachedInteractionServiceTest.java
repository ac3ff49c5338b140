package org.cim4j.testkit.engine;

import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.contract.InteractionServiceContract;

/** Runs {@link InteractionServiceContract} against the in-memory reference adapter behind the Caffeine cache. */
class CachedInteractionServiceTest extends InteractionServiceContract {
    @Override
    protected StorageProvider createProvider() {
        return org.cim4j.cache.CachingStorageProvider.wrap(InMemoryStorage.create(), org.cim4j.cache.CacheSettings.defaults());
    }
}
