package org.cim4j.jdbc;

import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.StorageCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage compatibility kit on an H2 file database in a temporary directory. */
class H2FileCompatibilityTest extends StorageCompatibilityKit {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.h2File();

    @Override
    protected StorageProvider createProvider() {
        return DB.get().freshProvider();
    }

    @Override
    protected StorageProvider openAnotherProvider() {
        return DB.get().anotherProvider();
    }
}
