package org.cim4j.testkit.engine;

import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.contract.TagServiceContract;

/** Runs {@link TagServiceContract} against the in-memory reference adapter. */
class MemoryTagServiceTest extends TagServiceContract {
    @Override
    protected StorageProvider createProvider() {
        return InMemoryStorage.create();
    }
}
