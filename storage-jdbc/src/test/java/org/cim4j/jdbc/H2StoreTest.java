package org.cim4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.cim4j.spi.Capability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class H2StoreTest extends JdbcStoreTestBase {
    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.h2();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected TestDatabase database() {
        return db;
    }

    @Test
    void inMemoryStorage_isNamedH2_andNotDurable() {
        try (JdbcStorage mem = JdbcStorage.h2InMemory()) {
            assertThat(mem.name()).isEqualTo("jdbc-h2");
            assertThat(mem.capabilities()).containsExactly(Capability.BULK_LOAD);
        }
    }
}
