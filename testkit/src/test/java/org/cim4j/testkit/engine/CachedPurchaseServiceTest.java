package org.cim4j.testkit.engine;

import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.contract.PurchaseServiceContract;

/** Runs {@link PurchaseServiceContract} against the in-memory reference adapter behind the Caffeine cache. */
class CachedPurchaseServiceTest extends PurchaseServiceContract {
    @Override
    protected StorageProvider createProvider() {
        return org.cim4j.cache.CachingStorageProvider.wrap(InMemoryStorage.create(), org.cim4j.cache.CacheSettings.defaults());
    }
}
