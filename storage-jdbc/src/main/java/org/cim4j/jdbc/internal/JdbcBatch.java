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

    JdbcBatch string(int pos, @Nullable String v) {
        try {
            if (v == null) {
                ps.setNull(pos, Types.VARCHAR);
            } else {
                ps.setString(pos, v);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return this;
    }

    JdbcBatch integer(int pos, int v) {
        try {
            ps.setInt(pos, v);
        } catch (SQLException e) {
            throw failure(e);
        }
        return this;
    }

    JdbcBatch longValue(int pos, long v) {
        try {
            ps.setLong(pos, v);
        } catch (SQLException e) {
            throw failure(e);
        }
        return this;
    }

    JdbcBatch bool(int pos, @Nullable Boolean v) {
        try {
            if (v == null) {
                ps.setNull(pos, Types.BOOLEAN);
            } else {
                ps.setBoolean(pos, v);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return this;
    }

    JdbcBatch decimal(int pos, @Nullable BigDecimal v) {
        try {
            if (v == null) {
                ps.setNull(pos, Types.NUMERIC);
            } else {
                ps.setBigDecimal(pos, v);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return this;
    }

    /** An id in the dialect's column type, as {@link Db#id}. */
    JdbcBatch id(int pos, @Nullable UUID v) {
        try {
            if (uuidAsText) {
                if (v == null) {
                    ps.setNull(pos, Types.CHAR);
                } else {
                    ps.setString(pos, v.toString());
                }
            } else if (v == null) {
                ps.setNull(pos, Types.OTHER);
            } else {
                ps.setObject(pos, v);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return this;
    }

    /** An instant as a UTC {@code TIMESTAMP(6)}, as {@link Db#ts}. */
    JdbcBatch ts(int pos, @Nullable Instant v) {
        try {
            if (v == null) {
                ps.setNull(pos, Types.TIMESTAMP);
            } else {
                ps.setObject(pos, LocalDateTime.ofInstant(v, ZoneOffset.UTC));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return this;
    }

    /** A date, as {@link Db#date}. */
    JdbcBatch date(int pos, @Nullable LocalDate v) {
        try {
            if (v == null) {
                ps.setNull(pos, Types.DATE);
            } else {
                ps.setObject(pos, v);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return this;
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
