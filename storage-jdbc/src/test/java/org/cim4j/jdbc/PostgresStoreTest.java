package org.cim4j.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresStoreTest extends JdbcStoreTestBase {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.postgres();

    @Override
    protected TestDatabase database() {
        return DB.get();
    }
}
