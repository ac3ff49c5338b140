package org.cim4j.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresFailureTest extends ServerFailureTestBase {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.postgres();

    @Override
    protected TestDatabase database() {
        return DB.get();
    }

    @Override
    protected String sessionIdSql() {
        return "SELECT pg_backend_pid()";
    }

    @Override
    protected void kill(Statement st, long id) throws SQLException {
        st.execute("SELECT pg_terminate_backend(" + id + ")");
    }
}
