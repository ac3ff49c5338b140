package org.cim4j.jdbc.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.cim4j.jdbc.Dialect;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;

/**
 * One {@code executeBatch} (or single execution) of a prepared statement on the transaction's connection, with values set
 * straight on the {@link PreparedStatement}. Used for the bulk writes of many rows (a batched create
 * writes about eight rows per customer): jdbi's per-row binding (argument lookup per value, a
 * binding object per row, re-binding every row at execution) cost more client time than the
 * database's work for the same rows. The values use the same codecs as {@link Db}.
 *
 * <p>Parameter positions are 1-based (JDBC). Failures surface as jdbi's
 * {@link UnableToExecuteStatementException} with the driver exception as cause, so
 * {@link SqlErrors} and {@link Tx#guarded} treat them like any other statement failure; the
 * message names the table only, never bound values.
 */
final class JdbcBatch implements AutoCloseable {
    private final PreparedStatement ps;
    private final String table;
    private final boolean uuidAsText;
    private int rows;

    private JdbcBatch(PreparedStatement ps, String table, boolean uuidAsText) {
        this.ps = ps;
        this.table = table;
        this.uuidAsText = uuidAsText;
    }

    /** Prepares {@code template} ({@code #table} tokens resolved) on the transaction's connection. */
    static JdbcBatch prepare(Tx tx, String table, String template) {
        Db db = tx.db();
        try {
            return new JdbcBatch(tx.h().getConnection().prepareStatement(db.sql(template)), table,
                    db.dialect() == Dialect.MARIADB);
        } catch (SQLException e) {
            throw failure("preparing a batch insert into " + table, e);
        }
    }

    private static UnableToExecuteStatementException failure(String what, SQLException e) {
        return new UnableToExecuteStatementException(what + " failed " + SqlErrors.codes(e), e, null);
    }

    private UnableToExecuteStatementException failure(SQLException e) {
        return failure("batch insert into " + table, e);
    }

    /** Sets one column of the current row: {@code setter} for a value, SQL NULL of {@code nullType} for null. */
    @FunctionalInterface
    private interface Setter<T> {
        void set(PreparedStatement ps, int pos, T value) throws SQLException;
    }

    private <T> JdbcBatch set(int pos, @Nullable T v, int nullType, Setter<T> setter) {
        try {
            if (v == null) {
                ps.setNull(pos, nullType);
            } else {
                setter.set(ps, pos, v);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return this;
    }

    JdbcBatch string(int pos, @Nullable String v) {
        return set(pos, v, Types.VARCHAR, PreparedStatement::setString);
    }

    /** An instant as a UTC {@code TIMESTAMP(6)}, as {@link Db#ts}. */
    JdbcBatch ts(int pos, @Nullable Instant v) {
        return set(pos, v, Types.TIMESTAMP, (p, i, at) -> p.setObject(i, LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
    }

    /** A date, as {@link Db#date}. */
    JdbcBatch date(int pos, @Nullable LocalDate v) {
        return set(pos, v, Types.DATE, PreparedStatement::setObject);
    }

    JdbcBatch integer(int pos, int v) {
        return set(pos, v, Types.INTEGER, PreparedStatement::setInt);
    }

    JdbcBatch longValue(int pos, long v) {
        return set(pos, v, Types.BIGINT, PreparedStatement::setLong);
    }

    JdbcBatch bool(int pos, @Nullable Boolean v) {
        return set(pos, v, Types.BOOLEAN, PreparedStatement::setBoolean);
    }

    JdbcBatch decimal(int pos, @Nullable BigDecimal v) {
        return set(pos, v, Types.NUMERIC, PreparedStatement::setBigDecimal);
    }

    /** An id in the dialect's column type, as {@link Db#id}. */
    JdbcBatch id(int pos, @Nullable UUID v) {
        return uuidAsText ? set(pos, v, Types.CHAR, (p, i, id) -> p.setString(i, id.toString()))
                : set(pos, v, Types.OTHER, PreparedStatement::setObject);
    }

    /** Ends the current row. */
    void add() {
        try {
            ps.addBatch();
        } catch (SQLException e) {
            throw failure(e);
        }
        rows++;
    }

    int rows() {
        return rows;
    }

    /** Sends the rows added so far (nothing when there are none). */
    void execute() {
        if (rows == 0) {
            return;
        }
        try {
            ps.executeBatch();
        } catch (SQLException e) {
            throw failure(e);
        }
        rows = 0;
    }

    /** Runs the statement once with the values set (no batch), for a single row. */
    int executeUpdate() {
        try {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        try {
            ps.close();
        } catch (SQLException e) {
            throw failure("closing a batch insert into " + table, e);
        }
    }
}
