package org.cim4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cim4j.jdbc.Fixtures.TENANT;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cim4j.commerce.Purchase;
import org.cim4j.customer.Customer;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.interaction.InteractionType;
import org.cim4j.jdbc.internal.Migrations;
import org.cim4j.tag.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upgrade path: a database migrated to V1 only (customer aggregate, interactions, purchases, tags)
 * and filled through the adapter, then migrated to the latest version, reads back intact.
 */
class MigrationTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void v1Data_survivesMigrationToLatest(Dialect dialect) {
        try (TestDatabase db = TestDatabase.unmigrated(dialect)) {
            Migrations.configure(db.dataSource, dialect, db.schema, "1").load().migrate();
            assertThat(currentVersion(db)).isEqualTo("1");

            Fixtures f = new Fixtures();
            Tag tag = f.tag(TENANT, "vip");
            Customer c = f.customer(TENANT, "王小明", "xm@example.com", "pos:member:1").withTag(tag.id());
            Interaction call = f.interaction(TENANT, c.id(), InteractionType.CALL, Instant.parse("2026-01-05T10:00:00Z"));
            Purchase p = f.purchase(TENANT, c.id(), "o-1");
            try (JdbcStorage v1 = JdbcStorage.builder().dataSource(db.dataSource).schema(db.schema).migrate(false)
                    .build()) {
                v1.write(s -> {
                    s.tags().insert(tag);
                    s.customers().insert(c);
                    s.interactions().insert(call);
                    s.purchases().insert(p);
                    return null;
                });
            }

            try (JdbcStorage latest = JdbcStorage.builder().dataSource(db.dataSource).schema(db.schema).build()) {
                assertThat(currentVersion(db)).isNotEqualTo("1");
                Optional<Customer> back = latest.read(s -> s.customers().findById(TENANT, c.id()));
                assertThat(back).contains(c);
                List<Interaction> calls = latest.read(s -> s.interactions().timeline(TENANT, c.id(),
                        InteractionQuery.ofTypes(InteractionType.CALL), null, 10));
                assertThat(calls).containsExactly(call);
                Optional<Purchase> purchase = latest.read(s -> s.purchases().findById(TENANT, p.id()));
                assertThat(purchase).contains(p);
                Optional<Tag> tagBack = latest.read(s -> s.tags().findByName(TENANT, "vip"));
                assertThat(tagBack).contains(tag);
            }
        }
    }

    private static String currentVersion(TestDatabase db) {
        return Migrations.configure(db.dataSource, db.dialect, db.schema, null).load().info().current()
                .getVersion().getVersion();
    }
}
