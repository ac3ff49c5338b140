package org.cim4j.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.cim4j.jdbc.internal.Migrations;
import org.junit.jupiter.api.Assumptions;

/**
 * One test class's database: H2 in-memory, or a PostgreSQL schema / MariaDB database of its own
 * ({@code cim4j_t_<random>}), created and migrated once and dropped at the end, so runs repeat
 * cleanly and classes never share data. Server URLs come from {@code CIM4J_PG_URL} and
 * {@code CIM4J_MARIADB_URL}; an unreachable server skips the class with one line on stderr, or fails
 * when {@code CI=true}.
 */
final class TestDatabase implements AutoCloseable {
    static final String PG_DEFAULT = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String MARIADB_DEFAULT = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
    private static final AtomicLong SEQ = new AtomicLong();
    private static final List<String> TABLES = List.of("customer_unique_key", "customer_contact", "customer_address",
            "customer_external_id", "customer_attribute", "customer_tag", "customer", "interaction", "purchase_line",
            "purchase", "tag", "loyalty_program", "loyalty_account", "loyalty_entry", "loyalty_lot", "loyalty_command",
            "loyalty_tier_change");

    final Dialect dialect;
    final String url;
    final HikariDataSource dataSource;
    final String schema;
    private java.nio.file.Path tempDir;

    private TestDatabase(Dialect dialect, String url, String schema, int poolSize) {
        this.dialect = dialect;
        this.url = url;
        this.schema = schema;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setPoolName("test-" + schema);
        this.dataSource = new HikariDataSource(config);
    }

    static String pgUrl() {
        String env = System.getenv("CIM4J_PG_URL");
        return env == null || env.isBlank() ? PG_DEFAULT : env;
    }

    static String mariaDbUrl() {
        String env = System.getenv("CIM4J_MARIADB_URL");
        return env == null || env.isBlank() ? MARIADB_DEFAULT : env;
    }

    static String newName() {
        return "cim4j_t_" + Long.toHexString(System.nanoTime() & 0xffffffffL) + SEQ.incrementAndGet();
    }

    /** A private H2 in-memory database for one test class. */
    static TestDatabase h2() {
        String name = newName();
        TestDatabase db = new TestDatabase(Dialect.H2, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=5000",
                "PUBLIC", 16);
        db.migrate();
        return db;
    }

    /** A private H2 file database in a temporary directory, deleted on close. */
    static TestDatabase h2File() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cim4j-h2-");
            TestDatabase db = new TestDatabase(Dialect.H2, "jdbc:h2:file:" + dir.resolve("cim4j") + ";LOCK_TIMEOUT=5000",
                    "PUBLIC", 16);
            db.tempDir = dir;
            db.migrate();
            return db;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static TestDatabase postgres() {
        String url = pgUrl();
        requireServer("PostgreSQL", url, "CIM4J_PG_URL");
        TestDatabase db = new TestDatabase(Dialect.POSTGRESQL, url, newName(), 16);
        db.migrate();
        return db;
    }

    static TestDatabase mariaDb() {
        String url = mariaDbUrl();
        requireServer("MariaDB", url, "CIM4J_MARIADB_URL");
        TestDatabase db = new TestDatabase(Dialect.MARIADB, url, newName(), 16);
        db.migrate();
        return db;
    }

    /** A database of the dialect with an empty schema of its own (no migration yet). */
    static TestDatabase unmigrated(Dialect dialect) {
        switch (dialect) {
            case POSTGRESQL:
                requireServer("PostgreSQL", pgUrl(), "CIM4J_PG_URL");
                return new TestDatabase(dialect, pgUrl(), newName(), 4);
            case MARIADB:
                requireServer("MariaDB", mariaDbUrl(), "CIM4J_MARIADB_URL");
                return new TestDatabase(dialect, mariaDbUrl(), newName(), 4);
            case H2:
            default:
                String name = newName();
                return new TestDatabase(dialect, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "PUBLIC", 4);
        }
    }

    /** Skips (or, on CI, fails) unless the server answers. */
    static void requireServer(String what, String url, String envVar) {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(2);
        } catch (SQLException e) {
            String hint = what + " not reachable at " + url.replaceAll("password=[^&]*", "password=***")
                    + " (SQLState " + e.getSQLState() + "); start the server or set " + envVar;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but " + hint, e);
            }
            System.err.println("[cim4j-storage-jdbc] skipping " + what + " tests: " + hint);
            Assumptions.abort(hint);
        }
    }

    void migrate() {
        Migrations.migrate(dataSource, dialect, schema);
    }

    /** Empties every table (fast) and returns a provider over the class's schema. */
    JdbcStorage freshProvider() {
        truncate();
        return JdbcStorage.builder().dataSource(dataSource).schema(schema).migrate(false).build();
    }

    /** Another provider over the same data, without emptying it (durability and sharing checks). */
    JdbcStorage anotherProvider() {
        return JdbcStorage.builder().dataSource(dataSource).schema(schema).migrate(false).build();
    }

    void truncate() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // DELETE beats TRUNCATE (file operations, exclusive locks) on small test tables.
            String verb = dialect == Dialect.H2 ? "TRUNCATE TABLE " : "DELETE FROM ";
            for (String t : TABLES) {
                st.execute(verb + schema + "." + t);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("truncate failed", e);
        }
    }

    @Override
    public void close() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } else if (dialect == Dialect.MARIADB) {
                st.execute("DROP DATABASE IF EXISTS " + schema);
            } else {
                st.execute("SHUTDOWN");
            }
        } catch (SQLException e) {
            if (dialect == Dialect.H2) {
                return; // SHUTDOWN closes the connection under us
            }
            System.err.println("[cim4j-storage-jdbc] could not drop test schema " + schema + ": " + e.getSQLState());
        } finally {
            dataSource.close();
            deleteTempDir();
        }
    }

    private void deleteTempDir() {
        if (tempDir == null) {
            return;
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(tempDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("[cim4j-storage-jdbc] could not delete " + tempDir);
        }
    }
}
