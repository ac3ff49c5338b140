package org.cim4j.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.cim4j.DuplicateException;
import org.cim4j.StorageException;
import org.cim4j.StorageUnavailableException;
import org.cim4j.TransientStorageException;
import org.cim4j.jdbc.internal.SqlErrors.Kind;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
    private static final String SECRET = "Key (tenant_id, kind, key_value)=(t, ext, vault:4711) already exists";

    @Test
    void classify_coversEveryDialect() {
        assertThat(SqlErrors.classify(new SQLException(SECRET, "23505", 0))).isEqualTo(Kind.UNIQUE);
        assertThat(SqlErrors.classify(new SQLException("dup", "23000", 1062))).isEqualTo(Kind.UNIQUE);
        assertThat(SqlErrors.classify(new SQLException("x", "40P01", 0))).isEqualTo(Kind.RETRYABLE);
        assertThat(SqlErrors.classify(new SQLException("x", "40001", 1213))).isEqualTo(Kind.RETRYABLE);
        assertThat(SqlErrors.classify(new SQLException("x", "HY000", 1205))).isEqualTo(Kind.RETRYABLE);
        assertThat(SqlErrors.classify(new SQLException("x", "HYT00", 50200))).isEqualTo(Kind.RETRYABLE);
        assertThat(SqlErrors.classify(new SQLException("x", "08006", 0))).isEqualTo(Kind.UNAVAILABLE);
        assertThat(SqlErrors.classify(new SQLException("x", "57P01", 0))).isEqualTo(Kind.UNAVAILABLE);
        assertThat(SqlErrors.classify(new SQLException("x", "42P01", 0))).isEqualTo(Kind.OTHER);
        assertThat(SqlErrors.classify(new IllegalStateException("no sql"))).isEqualTo(Kind.OTHER);
    }

    @Test
    void translate_keepsSqlState_dropsDriverMessage() {
        List<RuntimeException> all = List.of(
                SqlErrors.translate("jdbc-postgresql", "insert", new SQLException(SECRET, "23505", 0), -1),
                SqlErrors.translate("jdbc-postgresql", "insert", new SQLException(SECRET, "40001", 0), -1),
                SqlErrors.translate("jdbc-postgresql", "insert", new SQLException(SECRET, "08006", 0), -1),
                SqlErrors.translate("jdbc-postgresql", "insert", new SQLException(SECRET, "22001", 0), -1));
        assertThat(all).extracting(Object::getClass).containsExactly(SqlDuplicateException.class,
                TransientStorageException.class, StorageUnavailableException.class, StorageException.class);
        assertThat(all).allSatisfy(e -> {
            assertThat(e.getMessage()).contains("SQLState").doesNotContain("4711", "vault");
            assertThat(e.getCause()).isInstanceOf(SQLException.class);
        });
        assertThat(all.get(0)).isInstanceOf(DuplicateException.class);
    }

    @Test
    void translate_poolTimeout_saysPoolExhausted() {
        SQLException hikari = new SQLTransientConnectionException(
                "cim4j - Connection is not available, request timed out after 2001ms (total=1, active=1)", "08001");
        assertThat(SqlErrors.translate("jdbc-h2", "transaction", hikari, 2000))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("connection pool exhausted after 2000 ms");
    }
}
