package org.cim4j.testkit.broken;

import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.StorageCompatibilityKit;

/**
 * The kit against an adapter that drops the id tie-breaker from keysets. Run only by {@link BrokenAdaptersTest} through the
 * JUnit Platform launcher (the name matches none of surefire's includes), which expects failures.
 */
class SloppyPagingAdapterKit extends StorageCompatibilityKit {
    @Override
    protected StorageProvider createProvider() {
        return new SloppyPagingStorage(InMemoryStorage.create());
    }
}
