package org.cim4j.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class MariaDbStoreTest extends JdbcStoreTestBase {
    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.mariaDb();
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected TestDatabase database() {
        return db;
    }
}
