package org.cim4j.testkit;

import java.util.EnumSet;
import java.util.Set;
import org.cim4j.cache.CacheSettings;
import org.cim4j.cache.CachingStorageProvider;
import org.cim4j.cache.InProcessInvalidationBus;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.Capability;
import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.broken.ForwardingStorage;

/**
 * The kit with every optional capability declared, each "instance" being its own cache over one
 * shared {@link InMemoryStorage}, coherent through an in-process bus: the durable and
 * shared-across-instances tests then run through two independent caches.
 */
class CachedInMemoryWithCapabilitiesCompatibilityTest extends StorageCompatibilityKit {
    private InMemoryStorage current;
    private InProcessInvalidationBus bus;

    @Override
    protected StorageProvider createProvider() {
        current = InMemoryStorage.create();
        bus = InProcessInvalidationBus.create();
        return openAnotherProvider();
    }

    @Override
    protected StorageProvider openAnotherProvider() {
        return CachingStorageProvider.wrap(new AllCapabilities(current), CacheSettings.defaults().withInvalidationBus(bus));
    }

    /** A view that declares every capability and whose close keeps the shared data. */
    private static final class AllCapabilities extends ForwardingStorage {
        AllCapabilities(StorageProvider delegate) {
            super(delegate);
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.allOf(Capability.class);
        }

        @Override
        public void close() {
            // the data lives on in the shared InMemoryStorage
        }
    }
}
