package org.cim4j.testkit;

import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;

/** The model-based properties against the reference adapter: every property must hold. */
class InMemoryStorageCompatibilityProperties extends StorageCompatibilityProperties {
    @Override
    protected StorageProvider createProvider() {
        return InMemoryStorage.create();
    }
}
