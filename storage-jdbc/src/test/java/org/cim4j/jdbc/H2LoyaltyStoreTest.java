package org.cim4j.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The loyalty store tests on H2. */
class H2LoyaltyStoreTest extends JdbcLoyaltyStoreTestBase {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.h2();

    @Override
    protected TestDatabase database() {
        return DB.get();
    }
}
