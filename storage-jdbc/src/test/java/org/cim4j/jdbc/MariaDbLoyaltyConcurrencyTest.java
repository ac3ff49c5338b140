package org.cim4j.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent redemption of the last points through two pools on MariaDB. */
class MariaDbLoyaltyConcurrencyTest extends LoyaltyConcurrencyTestBase {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.mariaDb();

    @Override
    protected TestDatabase database() {
        return DB.get();
    }

    @Override
    protected String shortLockTimeoutSql() {
        return "SET SESSION innodb_lock_wait_timeout = 1";
    }

    /**
     * Statements of other sessions still executing {@code lockAccount} on this schema: while the holder keeps the row,
     * they can only be waiting for it. (MariaDB takes the lock in the optimizer's const-table read, state
     * "Statistics", where {@code INNODB_TRX} does not reliably show it as a lock wait.)
     */
    @Override
    protected int lockWaiters(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM information_schema.PROCESSLIST"
                + " WHERE ID <> CONNECTION_ID() AND COMMAND = 'Query' AND LOCATE(?, INFO) > 0"
                + " AND LOCATE('FOR UPDATE', INFO) > 0")) {
            st.setString(1, DB.get().schema + ".loyalty_account");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
