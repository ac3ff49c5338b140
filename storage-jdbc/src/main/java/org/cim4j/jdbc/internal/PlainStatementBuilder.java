package org.cim4j.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * jdbi's statement builder, except that an ordinary statement is prepared with the one-argument
 * {@link Connection#prepareStatement(String)} instead of
 * {@code prepareStatement(sql, TYPE_FORWARD_ONLY, CONCUR_READ_ONLY)}. The result set type and
 * concurrency are the JDBC defaults either way, but MariaDB Connector/J 3 treats the three-argument
 * form as a request for generated keys ({@code RETURN_GENERATED_KEYS}), and with generated keys it
 * cannot use the bulk protocol ({@code COM_STMT_BULK_EXECUTE}) on servers before 11.5: every
 * {@code executeBatch} then went to the server as one {@code INSERT} per row, about four times the
 * cost of a batched insert. Statements that do want generated keys or updatable results keep jdbi's
 * behaviour.
 */
public final class PlainStatementBuilder extends DefaultStatementBuilder {
    /** Factory for {@code Jdbi.setStatementBuilderFactory}. */
    public static final StatementBuilderFactory FACTORY = conn -> new PlainStatementBuilder();

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
            return super.create(conn, sql, ctx);
        }
        return conn.prepareStatement(sql);
    }
}
