package org.cim4j.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The loyalty store tests on MariaDB. */
class MariaDbLoyaltyStoreTest extends JdbcLoyaltyStoreTestBase {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.mariaDb();

    @Override
    protected TestDatabase database() {
        return DB.get();
    }
}
