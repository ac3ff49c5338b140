package org.cim4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.cim4j.customer.Customer;
import org.cim4j.spi.Capability;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2StoreTest extends JdbcStoreTestBase {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.h2();

    @Override
    protected TestDatabase database() {
        return DB.get();
    }

    @Test
    void inMemoryStorage_isNamedH2_andNotDurable() {
        try (JdbcStorage mem = JdbcStorage.h2InMemory()) {
            assertThat(mem.name()).isEqualTo("jdbc-h2");
            assertThat(mem.capabilities()).containsExactly(Capability.BULK_LOAD);
        }
    }

    @Test
    void fileStorage_survivesReopen(@TempDir Path dir) {
        Customer c = new Fixtures().customer(Fixtures.TENANT, "Durable", "d@example.com", "x:d");
        try (JdbcStorage file = JdbcStorage.h2File(dir)) {
            assertThat(file.capabilities()).contains(Capability.DURABLE, Capability.SHARED_ACROSS_INSTANCES);
            file.write(s -> {
                s.customers().insert(c);
                return null;
            });
        }
        try (JdbcStorage reopened = JdbcStorage.h2File(dir)) {
            Optional<Customer> back = reopened.read(s -> s.customers().findById(Fixtures.TENANT, c.id()));
            assertThat(back).contains(c);
        }
    }
}
