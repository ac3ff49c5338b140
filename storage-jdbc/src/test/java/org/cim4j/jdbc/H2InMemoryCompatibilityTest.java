package org.cim4j.jdbc;

import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.StorageCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage compatibility kit on H2 in-memory (one database per class, emptied per test). */
class H2InMemoryCompatibilityTest extends StorageCompatibilityKit {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.h2();

    @Override
    protected StorageProvider createProvider() {
        return DB.get().freshProvider();
    }

    @Override
    protected StorageProvider openAnotherProvider() {
        return DB.get().anotherProvider();
    }
}
