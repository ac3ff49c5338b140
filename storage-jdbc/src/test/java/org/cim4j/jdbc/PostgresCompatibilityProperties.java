package org.cim4j.jdbc;

import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.StorageCompatibilityProperties;

/** The storage compatibility properties on PostgreSQL (own schema per class; skipped without a server unless CI=true). */
class PostgresCompatibilityProperties extends StorageCompatibilityProperties {
    private static TestDatabase db;

    @BeforeContainer
    static void createDatabase() {
        db = TestDatabase.postgres();
    }

    @AfterContainer
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected StorageProvider createProvider() {
        return db.freshProvider();
    }
}
