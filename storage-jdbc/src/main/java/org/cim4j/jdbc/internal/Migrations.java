package org.cim4j.jdbc.internal;

import javax.sql.DataSource;
import org.cim4j.jdbc.Dialect;
import org.flywaydb.core.Flyway;
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

    /** Migrates to the latest version. */
    public static void migrate(DataSource dataSource, Dialect dialect, @Nullable String schema) {
        configure(dataSource, dialect, schema, null).load().migrate();
    }
}
