package org.cim4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cim4j.TenantId;
import org.cim4j.cache.Invalidation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link PostgresInvalidationBus}'s builder checks and payload sizing; needs no server. */
class PostgresInvalidationBusSettingsTest {
    private static final String LONG_TOKEN = "x".repeat(64);

    @Test
    @DisplayName("the largest message the API can produce fits one notification payload")
    void largestRealisticMessage_fitsOnePayload() {
        List<Integer> fingerprints = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // at most 20 contact points and 20 external ids per customer
            fingerprints.add(0xffff - i);
        }
        Invalidation m = new Invalidation(Invalidation.Kind.CUSTOMER, TenantId.of(LONG_TOKEN), LONG_TOKEN,
                Long.MAX_VALUE, fingerprints, LONG_TOKEN);

        List<String> payloads = PostgresInvalidationBus.payloads(m);

        assertThat(payloads).containsExactly(m.encode());
        assertThat(payloads.get(0).getBytes(StandardCharsets.UTF_8).length).isLessThan(500);
    }

    @Test
    @DisplayName("a message over 7999 bytes is split into parts below the limit that decode to the same fingerprints")
    void oversizedMessage_split() {
        List<Integer> fingerprints = new ArrayList<>();
        for (int i = 0; i < 65_536; i += 7) {
            fingerprints.add(i);
        }
        Invalidation m = new Invalidation(Invalidation.Kind.CUSTOMER, TenantId.of(LONG_TOKEN), LONG_TOKEN, 12,
                fingerprints, LONG_TOKEN);

        List<String> payloads = PostgresInvalidationBus.payloads(m);

        assertThat(payloads).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(PostgresInvalidationBus.MAX_PAYLOAD_BYTES));
        List<Invalidation> decoded = new ArrayList<>();
        for (String p : payloads) {
            decoded.add(Invalidation.decode(p).orElseThrow());
        }
        assertThat(decoded).allSatisfy(d -> {
            assertThat(d.id()).isEqualTo(m.id());
            assertThat(d.version()).isEqualTo(12);
            assertThat(d.origin()).isEqualTo(m.origin());
        }).flatExtracting(Invalidation::keyFingerprints).containsExactlyElementsOf(fingerprints);
    }

    @Test
    void channel_mustBeLowerCaseIdentifier() {
        PostgresInvalidationBus.Builder b = PostgresInvalidationBus.builder();
        assertThatThrownBy(() -> b.channel("Cim4j")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Cim4j'");
        assertThatThrownBy(() -> b.channel("x; DROP TABLE customer")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.channel("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.channel("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.channel("cim4j_shop_2")).isSameAs(b);
    }

    @Test
    void source_exactlyOne() {
        assertThatThrownBy(() -> PostgresInvalidationBus.builder().start()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dataSource or a jdbcUrl");
        assertThatThrownBy(() -> PostgresInvalidationBus.builder().jdbcUrl("jdbc:mariadb://db/crm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> PostgresInvalidationBus.builder().jdbcUrl(TestDatabase.PG_DEFAULT)
                .dataSource(new org.postgresql.ds.PGSimpleDataSource())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a DataSource of another database is rejected at start, and no thread is left behind")
    void notPostgres_rejected() {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + TestDatabase.newName());

        assertThatThrownBy(() -> PostgresInvalidationBus.builder().dataSource(h2).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a PostgreSQL database")
                .hasMessageContaining("H2");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                && PostgresInvalidationBus.THREAD_NAME.equals(t.getName()));
    }

    @Test
    void reconnectBackoff_checked() {
        PostgresInvalidationBus.Builder b = PostgresInvalidationBus.builder();
        assertThatThrownBy(() -> b.reconnectBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> b.reconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(b.reconnectBackoff(Duration.ofMillis(50), Duration.ofSeconds(5))).isSameAs(b);
    }
}
