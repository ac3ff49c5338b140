package org.cim4j.jdbc.internal;

import javax.sql.DataSource;
import org.cim4j.jdbc.Dialect;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Runs cim4j's Flyway migrations: scripts under {@code cim4j/db/migration/<dialect>} in the jar
 * (outside {@code db/migration}, so a host's own Flyway never picks them up), history in
 * {@value #HISTORY_TABLE}. A schema that already holds the host's tables is accepted (baseline at
 * version 0, so V1 still runs). Flyway's own lock makes concurrent runs by several instances safe.
 */
public final class Migrations {
    /** Flyway history table of cim4j, separate from any host history table. */
    public static final String HISTORY_TABLE = "cim4j_schema_history";

    private Migrations() {
    }

    /** Flyway configured for cim4j; {@code target} limits the version (tests), null for latest. */
    public static FluentConfiguration configure(DataSource dataSource, Dialect dialect, @Nullable String schema,
                                                @Nullable String target) {
        FluentConfiguration config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:cim4j/db/migration/" + dialect.code())
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true);
        if (schema != null) {
            config.schemas(Db.checkIdentifier(schema)).defaultSchema(schema);
        }
        if (target != null) {
            config.target(target);
        }
        return config;
    }

    /**
     * Migrates to the latest version. When several instances start on an empty schema at once, one
     * may find the history table created but still empty by another and fail to baseline (seen on
     * MariaDB, whose DDL is not transactional); migrating is idempotent, so such a failure is retried
     * a few times, after which Flyway's lock on the now existing table serialises the instances.
     */
    public static void migrate(DataSource dataSource, Dialect dialect, @Nullable String schema) {
        Flyway flyway = configure(dataSource, dialect, schema, null).load();
        for (int attempt = 1; ; attempt++) {
            try {
                flyway.migrate();
                return;
            } catch (FlywayException e) {
                if (attempt >= MIGRATE_ATTEMPTS || !isConcurrentBaselineRace(e)) {
                    throw e;
                }
                LOG.debug("migration attempt {} raced another instance creating {}; retrying", attempt, HISTORY_TABLE);
                pause(100L * attempt);
            }
        }
    }

    private static final int MIGRATE_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private static boolean isConcurrentBaselineRace(FlywayException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Unable to baseline") || m.contains("already exists"))) {
                return true;
            }
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying migrations", e);
        }
    }
}
