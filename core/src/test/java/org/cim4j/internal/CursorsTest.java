package org.cim4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.cim4j.ValidationException;
import org.junit.jupiter.api.Test;

class CursorsTest {
    private static final UUID ID = UUID.fromString("0190f5a2-7b1c-7d2e-8f00-123456789abc");
    private static final Instant AT = Instant.parse("2026-01-01T10:15:30.123456Z");

    @Test
    void roundTrip_withInstant() {
        String cursor = Cursors.encode(Cursors.Kind.CUSTOMERS, "q1", 1, AT, ID);

        Cursors.Position p = Cursors.decode(cursor, Cursors.Kind.CUSTOMERS, "q1", 1);

        assertThat(p).isEqualTo(new Cursors.Position(1, AT, ID));
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void roundTrip_idOnly() {
        String cursor = Cursors.encode(Cursors.Kind.CUSTOMERS, "by name", 2, null, ID);

        assertThat(Cursors.decode(cursor, Cursors.Kind.CUSTOMERS, "by name", 2)).isEqualTo(new Cursors.Position(2, null, ID));
    }

    @Test
    void otherQuerySortOrKind_rejected() {
        String cursor = Cursors.encode(Cursors.Kind.TIMELINE, "customer-1", 0, AT, ID);

        assertThatThrownBy(() -> Cursors.decode(cursor, Cursors.Kind.TIMELINE, "customer-2", 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cursor").hasMessageContaining("query");
        assertThatThrownBy(() -> Cursors.decode(cursor, Cursors.Kind.TIMELINE, "customer-1", 1))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Cursors.decode(cursor, Cursors.Kind.HISTORY, "customer-1", 0))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void everySingleByteChange_detected() {
        byte[] bytes = Base64.getUrlDecoder().decode(Cursors.encode(Cursors.Kind.HISTORY, "k", 0, AT, ID));
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] copy = bytes.clone();
                copy[i] ^= (byte) (1 << bit);
                String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
                assertThatThrownBy(() -> Cursors.decode(tampered, Cursors.Kind.HISTORY, "k", 0))
                        .isInstanceOfSatisfying(ValidationException.class,
                                e -> assertThat(e.violations().get(0).field()).isEqualTo("cursor"));
            }
        }
    }

    @Test
    void garbage_rejectedCleanly() {
        for (String garbage : new String[] {"", "%%%", "AAAA", "A", "ab=c", "A".repeat(400),
                Base64.getUrlEncoder().encodeToString(new byte[45])}) {
            assertThatThrownBy(() -> Cursors.decode(garbage, Cursors.Kind.CUSTOMERS, "q", 0))
                    .as(garbage).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void truncated_rejectedCleanly() {
        String cursor = Cursors.encode(Cursors.Kind.CUSTOMERS, "q", 0, AT, ID);
        for (int len = 0; len < cursor.length(); len++) {
            String cut = cursor.substring(0, len);
            assertThatThrownBy(() -> Cursors.decode(cut, Cursors.Kind.CUSTOMERS, "q", 0))
                    .isInstanceOf(ValidationException.class);
        }
    }
}
