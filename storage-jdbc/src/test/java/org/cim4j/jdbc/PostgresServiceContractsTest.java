package org.cim4j.jdbc;

import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.contract.CustomerServiceContract;
import org.cim4j.testkit.contract.EventContract;
import org.cim4j.testkit.contract.InteractionServiceContract;
import org.cim4j.testkit.contract.PurchaseServiceContract;
import org.cim4j.testkit.contract.TagServiceContract;
import org.cim4j.testkit.contract.ValidationContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The testkit's service contracts run through the engine on Postgres (one schema, truncated per test). */
class PostgresServiceContractsTest {
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

    @Nested
    class Customers extends CustomerServiceContract {
        @Override
        protected StorageProvider createProvider() {
            return db.freshProvider();
        }
    }

    @Nested
    class Interactions extends InteractionServiceContract {
        @Override
        protected StorageProvider createProvider() {
            return db.freshProvider();
        }
    }

    @Nested
    class Purchases extends PurchaseServiceContract {
        @Override
        protected StorageProvider createProvider() {
            return db.freshProvider();
        }
    }

    @Nested
    class Tags extends TagServiceContract {
        @Override
        protected StorageProvider createProvider() {
            return db.freshProvider();
        }
    }

    @Nested
    class Events extends EventContract {
        @Override
        protected StorageProvider createProvider() {
            return db.freshProvider();
        }
    }

    @Nested
    class Validation extends ValidationContract {
        @Override
        protected StorageProvider createProvider() {
            return db.freshProvider();
        }
    }
}
