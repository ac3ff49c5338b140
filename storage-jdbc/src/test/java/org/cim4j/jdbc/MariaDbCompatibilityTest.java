package org.cim4j.jdbc;

import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.StorageCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage compatibility kit on MariaDB (own database per class; skipped without a server unless CI=true). */
class MariaDbCompatibilityTest extends StorageCompatibilityKit {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.mariaDb();

    @Override
    protected StorageProvider createProvider() {
        return DB.get().freshProvider();
    }

    @Override
    protected StorageProvider openAnotherProvider() {
        return DB.get().anotherProvider();
    }
}
