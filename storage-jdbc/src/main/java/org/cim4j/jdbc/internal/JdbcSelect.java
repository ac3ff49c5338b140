package org.cim4j.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.cim4j.jdbc.Dialect;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;

/**
 * A query run with plain JDBC on the transaction's connection, for the hot reads that run several
 * small statements per call (loading a customer and its child rows). On an embedded H2 database a
 * statement costs a few microseconds, and jdbi's per-statement work (statement context, argument
 * lookup, result iterable, cleanables) cost more than the query itself. Failures surface as jdbi's
 * {@link UnableToExecuteStatementException} with the driver exception as cause, like every other
 * statement of the adapter; the message names the table, never values.
 */
final class JdbcSelect {
    /** Sets the parameters. */
    @FunctionalInterface
    interface Params {
        void set(PreparedStatement ps) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private JdbcSelect() {
    }

    /** Runs {@code template} ({@code #table} tokens resolved) and passes every row to {@code reader}. */
    static void forEach(Tx tx, String table, String template, Params params, RowReader reader) {
        Db db = tx.db();
        try (PreparedStatement ps = tx.h().getConnection().prepareStatement(db.sql(template))) {
            params.set(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("query on " + table + " failed " + SqlErrors.codes(e), e,
                    null);
        }
    }

    /**
     * Binds {@code tenant} at 1 and the ids from 2 on in the dialect's id type, the parameters of
     * {@link #idFilter}.
     */
    private static void bindTenantAndIds(PreparedStatement ps, Db db, String tenant, List<UUID> ids) throws SQLException {
        ps.setString(1, tenant);
        boolean text = db.dialect() == Dialect.MARIADB;
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            if (text) {
                ps.setString(i + 2, id.toString());
            } else {
                ps.setObject(i + 2, id);
            }
        }
    }

    /**
     * Runs {@code SELECT columns FROM table WHERE tenant_id = tenant AND idColumn IN ids orderBy} and passes
     * every row to {@code reader}. H2 uses no index for an {@code IN (?, …)} list of parameters: it tests the
     * list against every row of the tenant, so a page of customers cost a scan of every child table. On H2,
     * several ids are therefore joined from one unnested array parameter, which H2 probes by index; one id
     * is a plain {@code = ?} everywhere.
     *
     * @param columns unqualified column names (the joined array's only column is {@code v})
     * @param orderBy empty, or {@code " ORDER BY …"}
     */
    static void forEachOf(Tx tx, String table, String columns, String idColumn, String tenant, List<UUID> ids,
                          String orderBy, RowReader reader) {
        Db db = tx.db();
        if (db.dialect() == Dialect.H2 && ids.size() > 1) {
            forEach(tx, table, "SELECT " + columns + " FROM UNNEST(CAST(? AS UUID ARRAY)) u(v) JOIN #" + table
                    + " ON " + idColumn + " = u.v WHERE tenant_id = ?" + orderBy, ps -> {
                        ps.setObject(1, ids.toArray(new UUID[0]));
                        ps.setString(2, tenant);
                    }, reader);
            return;
        }
        forEach(tx, table, "SELECT " + columns + " FROM #" + table + " WHERE tenant_id = ? AND " + idColumn + " "
                + idFilter(ids.size()) + orderBy, ps -> bindTenantAndIds(ps, db, tenant, ids), reader);
    }

    /** {@code = ?} for one id (a plain key probe on every database), else {@code IN (?, ...)}. */
    private static String idFilter(int n) {
        return n == 1 ? "= ?" : "IN (" + Db.placeholders(n) + ")";
    }

    /** A non-null id column read by index. */
    static UUID uuid(ResultSet rs, int column) throws SQLException {
        Object v = rs.getObject(column);
        if (v == null) {
            throw new NullPointerException("column " + column);
        }
        return v instanceof UUID ? (UUID) v : UUID.fromString(v.toString().trim());
    }

    /** A nullable id column read by index. */
    static @Nullable UUID nullableUuid(ResultSet rs, int column) throws SQLException {
        Object v = rs.getObject(column);
        if (v == null) {
            return null;
        }
        return v instanceof UUID ? (UUID) v : UUID.fromString(v.toString().trim());
    }
}
