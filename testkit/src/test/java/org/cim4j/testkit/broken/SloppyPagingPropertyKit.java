package org.cim4j.testkit.broken;

import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.StorageCompatibilityProperties;

/** The properties against {@link SloppyPagingStorage}; run only by {@link BrokenAdaptersTest}, which expects failures. */
class SloppyPagingPropertyKit extends StorageCompatibilityProperties {
    @Override
    protected StorageProvider createProvider() {
        return new SloppyPagingStorage(InMemoryStorage.create());
    }
}
