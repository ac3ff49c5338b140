package org.cim4j.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbFailureTest extends ServerFailureTestBase {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.mariaDb();

    @Override
    protected TestDatabase database() {
        return DB.get();
    }

    @Override
    protected String sessionIdSql() {
        return "SELECT CONNECTION_ID()";
    }

    @Override
    protected void kill(Statement st, long id) throws SQLException {
        st.execute("KILL " + id);
    }
}
