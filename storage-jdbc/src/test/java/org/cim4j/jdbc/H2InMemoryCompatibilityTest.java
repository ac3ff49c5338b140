package org.cim4j.jdbc;

import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.StorageCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage compatibility kit on H2 in-memory (one database per class, emptied per test). */
class H2InMemoryCompatibilityTest extends StorageCompatibilityKit {
    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.h2();
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
