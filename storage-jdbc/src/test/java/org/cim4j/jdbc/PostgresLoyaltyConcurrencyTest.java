package org.cim4j.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent redemption of the last points through two pools on PostgreSQL. */
class PostgresLoyaltyConcurrencyTest extends LoyaltyConcurrencyTestBase {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.postgres();

    @Override
    protected TestDatabase database() {
        return DB.get();
    }

    @Override
    protected String shortLockTimeoutSql() {
        return "SET lock_timeout = '300ms'";
    }

    @Override
    protected int lockWaiters(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND wait_event_type = 'Lock' AND position(? in query) > 0")) {
            st.setString(1, DB.get().schema + ".loyalty_account");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
