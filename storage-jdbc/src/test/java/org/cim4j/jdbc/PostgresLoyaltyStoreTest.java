package org.cim4j.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The loyalty store tests on PostgreSQL. */
class PostgresLoyaltyStoreTest extends JdbcLoyaltyStoreTestBase {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.postgres();

    @Override
    protected TestDatabase database() {
        return DB.get();
    }
}
