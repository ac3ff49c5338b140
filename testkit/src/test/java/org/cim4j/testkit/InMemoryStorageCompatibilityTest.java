package org.cim4j.testkit;

import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;

/** The kit against the reference adapter: everything must pass. */
class InMemoryStorageCompatibilityTest extends StorageCompatibilityKit {
    @Override
    protected StorageProvider createProvider() {
        return InMemoryStorage.create();
    }
}
