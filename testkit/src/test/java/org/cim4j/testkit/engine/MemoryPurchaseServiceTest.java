package org.cim4j.testkit.engine;

import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.contract.PurchaseServiceContract;

/** Runs {@link PurchaseServiceContract} against the in-memory reference adapter. */
class MemoryPurchaseServiceTest extends PurchaseServiceContract {
    @Override
    protected StorageProvider createProvider() {
        return InMemoryStorage.create();
    }
}
