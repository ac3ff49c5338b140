package org.cim4j.jdbc;

import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.StorageCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage compatibility kit on PostgreSQL (own schema per class; skipped without a server unless CI=true). */
class PostgresCompatibilityTest extends StorageCompatibilityKit {
    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.postgres();
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected StorageProvider createProvider() {
        return db.freshProvider();
    }

    @Override
    protected StorageProvider openAnotherProvider() {
        return db.anotherProvider();
    }
}
