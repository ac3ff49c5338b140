package org.cim4j.jdbc;

import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.StorageCompatibilityProperties;

/** The storage compatibility properties on an H2 file database in a temporary directory. */
class H2FileCompatibilityProperties extends StorageCompatibilityProperties {
    private static TestDatabase db;

    @BeforeContainer
    static void createDatabase() {
        db = TestDatabase.h2File();
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
