package org.cim4j.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbStoreTest extends JdbcStoreTestBase {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.mariaDb();

    @Override
    protected TestDatabase database() {
        return DB.get();
    }
}
