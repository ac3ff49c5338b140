package org.cim4j.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class MariaDbFailureTest extends ServerFailureTestBase {
    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.mariaDb();
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected TestDatabase database() {
        return db;
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
