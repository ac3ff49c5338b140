package org.cim4j.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import org.cim4j.jdbc.Dialect;
import org.cim4j.jdbc.JdbcStorage;

/**
 * One benchmark database: a private H2 in-memory database, or a PostgreSQL schema / MariaDB
 * database named {@code cim4j_bench_<name>}, dropped and re-created on open, migrated to cim4j's
 * schema, and dropped again on close. cim4j and its peers (raw JDBC, Hibernate) share the pool and
 * the tables, so every ratio compares work on the same data.
 *
 * <p>Server URLs come from {@code CIM4J_PG_URL} / {@code CIM4J_MARIADB_URL} (defaults: the local
 * servers started on a development machine). Batched inserts are rewritten by the driver
 * ({@code reWriteBatchedInserts} / {@code rewriteBatchedStatements}) for cim4j and peers alike.
 */
public final class BenchDatabase implements AutoCloseable {

    /** The databases a benchmark can run on. */
    public enum Target {
        H2, POSTGRESQL, MARIADB;

        /** Parses {@code h2}, {@code pg}/{@code postgresql}, {@code mariadb}. */
        public static Target parse(String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "h2":
                    return H2;
                case "pg":
                case "postgres":
                case "postgresql":
                    return POSTGRESQL;
                case "mariadb":
                case "maria":
                    return MARIADB;
                default:
                    throw new IllegalArgumentException("unknown database '" + s + "' (h2, pg, mariadb)");
            }
        }

        public Dialect dialect() {
            switch (this) {
                case POSTGRESQL:
                    return Dialect.POSTGRESQL;
                case MARIADB:
                    return Dialect.MARIADB;
                default:
                    return Dialect.H2;
            }
        }
    }

    static final String PG_DEFAULT = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String MARIADB_DEFAULT = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

    private final Target target;
    private final String schema;
    private final HikariDataSource dataSource;

    private BenchDatabase(Target target, String url, String schema, int poolSize) {
        this.target = target;
        this.schema = schema;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setPoolName("bench-" + schema);
        this.dataSource = new HikariDataSource(config);
    }

    /**
     * Opens an empty, migrated database of the target named {@code cim4j_bench_<name>}; for servers,
     * first checks that one answers (see {@link #unavailableReason}).
     */
    public static BenchDatabase open(Target target, String name, int poolSize) {
        String schema = "cim4j_bench_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        BenchDatabase db;
        switch (target) {
            case POSTGRESQL:
                db = new BenchDatabase(target, withParam(url(target), "reWriteBatchedInserts=true"), schema, poolSize);
                db.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                break;
            case MARIADB:
                db = new BenchDatabase(target, withParam(url(target), "rewriteBatchedStatements=true"), schema, poolSize);
                db.execute("DROP DATABASE IF EXISTS " + schema);
                break;
            case H2:
            default:
                db = new BenchDatabase(target, "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1", "PUBLIC", poolSize);
                break;
        }
        // Building a migrating provider creates the schema/database and every cim4j table.
        JdbcStorage.builder().dataSource(db.dataSource).dialect(target.dialect()).schema(db.schema).build().close();
        return db;
    }

    /** The JDBC URL used for a server target ({@code CIM4J_PG_URL} / {@code CIM4J_MARIADB_URL} or the local default). */
    public static String url(Target target) {
        String env = target == Target.POSTGRESQL ? System.getenv("CIM4J_PG_URL")
                : target == Target.MARIADB ? System.getenv("CIM4J_MARIADB_URL") : null;
        if (env != null && !env.isBlank()) {
            return env;
        }
        return target == Target.POSTGRESQL ? PG_DEFAULT : target == Target.MARIADB ? MARIADB_DEFAULT : "jdbc:h2:mem:";
    }

    /** Empty when the target can be used; otherwise why not (server unreachable), without credentials. */
    public static Optional<String> unavailableReason(Target target) {
        if (target == Target.H2) {
            return Optional.empty();
        }
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(url(target))) {
            c.isValid(2);
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(target + " not reachable at " + url(target).replaceAll("password=[^&]*", "password=***")
                    + " (SQLState " + e.getSQLState() + "); start it or set "
                    + (target == Target.POSTGRESQL ? "CIM4J_PG_URL" : "CIM4J_MARIADB_URL"));
        }
    }

    private static String withParam(String url, String param) {
        String key = param.substring(0, param.indexOf('='));
        return url.contains(key) ? url : url + (url.contains("?") ? "&" : "?") + param;
    }

    public Target target() {
        return target;
    }

    /** The schema (PostgreSQL), database (MariaDB) or {@code PUBLIC} (H2) holding the tables. */
    public String schema() {
        return schema;
    }

    /** Table name qualified with the schema, for peers' hand-written SQL. */
    public String table(String name) {
        return schema + "." + name;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** A cim4j provider over this database's pool (not migrating again; closing it leaves the pool open). */
    public JdbcStorage storage() {
        return JdbcStorage.builder().dataSource(dataSource).dialect(target.dialect()).schema(schema).migrate(false)
                .build();
    }

    /** Runs one statement (DDL, maintenance such as {@code ANALYZE}). */
    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("bench: '" + sql + "' failed: SQLState " + e.getSQLState(), e);
        }
    }

    @Override
    public void close() {
        try {
            switch (target) {
                case POSTGRESQL:
                    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    break;
                case MARIADB:
                    execute("DROP DATABASE IF EXISTS " + schema);
                    break;
                default:
                    execute("SHUTDOWN");
                    break;
            }
        } catch (IllegalStateException e) {
            if (target != Target.H2) {
                System.err.println("[cim4j-benchmarks] could not drop " + schema + ": " + e.getMessage());
            }
        } finally {
            dataSource.close();
        }
    }
}
