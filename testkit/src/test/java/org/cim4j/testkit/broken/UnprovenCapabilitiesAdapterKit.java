package org.cim4j.testkit.broken;

import java.util.EnumSet;
import java.util.Set;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.Capability;
import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.StorageCompatibilityKit;

/**
 * The kit against an adapter that declares {@link Capability#DURABLE} and
 * {@link Capability#SHARED_ACROSS_INSTANCES} but whose kit subclass does not override
 * {@code openAnotherProvider()}, so the capabilities cannot be proven. Run only by
 * {@link BrokenAdaptersTest} (the name matches none of surefire's includes).
 */
class UnprovenCapabilitiesAdapterKit extends StorageCompatibilityKit {
    @Override
    protected StorageProvider createProvider() {
        return new ForwardingStorage(InMemoryStorage.create()) {
            @Override
            public Set<Capability> capabilities() {
                Set<Capability> claimed = EnumSet.of(Capability.DURABLE, Capability.SHARED_ACROSS_INSTANCES);
                claimed.addAll(super.capabilities());
                return claimed;
            }
        };
    }
}
