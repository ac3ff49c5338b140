package org.cim4j.jdbc;

import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.StorageCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage compatibility kit on PostgreSQL (own schema per class; skipped without a server unless CI=true). */
class PostgresCompatibilityTest extends StorageCompatibilityKit {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.postgres();

    @Override
    protected StorageProvider createProvider() {
        return DB.get().freshProvider();
    }

    @Override
    protected StorageProvider openAnotherProvider() {
        return DB.get().anotherProvider();
    }
}
