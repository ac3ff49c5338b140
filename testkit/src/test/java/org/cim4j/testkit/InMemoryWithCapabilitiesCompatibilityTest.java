package org.cim4j.testkit;

import java.util.EnumSet;
import java.util.Set;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.Capability;
import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.broken.ForwardingStorage;

/**
 * The kit against the in-memory adapter dressed up to declare every optional capability, so the
 * capability tests (skipped for the plain adapter) run too: "instances" are views of one
 * {@link InMemoryStorage} whose close leaves the data in place.
 */
class InMemoryWithCapabilitiesCompatibilityTest extends StorageCompatibilityKit {
    private InMemoryStorage current;

    @Override
    protected StorageProvider createProvider() {
        current = InMemoryStorage.create();
        return new AllCapabilities(current);
    }

    @Override
    protected StorageProvider openAnotherProvider() {
        return new AllCapabilities(current);
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
            // the data lives on in the shared InMemoryStorage, like a database behind a closed pool
        }
    }
}
