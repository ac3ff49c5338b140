package org.cim4j.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.cim4j.Cim4jException;
import org.cim4j.StorageException;
import org.cim4j.TransientStorageException;
import org.cim4j.jdbc.internal.Db;
import org.cim4j.jdbc.internal.HikariPools;
import org.cim4j.jdbc.internal.JdbcStores;
import org.cim4j.jdbc.internal.Migrations;
import org.cim4j.jdbc.internal.PlainStatementBuilder;
import org.cim4j.jdbc.internal.SqlErrors;
import org.cim4j.jdbc.internal.Tx;
import org.cim4j.spi.Capability;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.spi.TransactionMode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * cim4j storage on a SQL database through jdbi3: H2 (embedded default), PostgreSQL or MariaDB.
 * The schema is created and upgraded by Flyway migrations shipped in this jar (history table
 * {@code cim4j_schema_history}) unless {@link Builder#migrate(boolean) migrate(false)}.
 *
 * <p>Each {@link #inTransaction} is one database transaction on one pooled connection (READ
 * COMMITTED; read-only for {@link TransactionMode#READ_ONLY}). Serialization failures, deadlocks
 * and lock timeouts re-run the work with jittered exponential backoff, up to
 * {@link Builder#retry(int, Duration) maxAttempts} attempts, then raise
 * {@link TransientStorageException}. Driver errors never leak: they become cim4j exceptions naming
 * the SQLState (never bound values) with the driver exception as cause.
 *
 * <pre>{@code
 * StorageProvider storage = JdbcStorage.h2File(Path.of("crm-data"));       // embedded
 * StorageProvider shared  = JdbcStorage.of(hostDataSource);                 // host's pool, not closed by us
 * StorageProvider pg = JdbcStorage.builder()
 *         .jdbcUrl("jdbc:postgresql://db/crm").user("crm").password(secret)  // owned HikariCP pool
 *         .schema("cim4j").build();
 * }</pre>
 */
public final class JdbcStorage implements StorageProvider {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.class);

    private final Jdbi jdbi;
    private final Db db;
    private final String name;
    private final Set<Capability> capabilities;
    private final @Nullable Runnable closeOwned;
    private final long poolTimeoutMs;
    private final int maxAttempts;
    private final long baseBackoffMs;
    private final long maxBackoffMs;
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcStorage(DataSource dataSource, Dialect dialect, @Nullable String schema, boolean inMemory,
                        @Nullable Runnable closeOwned, long poolTimeoutMs, int maxAttempts, Duration baseBackoff,
                        Duration maxBackoff) {
        this.jdbi = Jdbi.create(dataSource);
        this.jdbi.setTemplateEngine(TemplateEngine.NOP);
        this.jdbi.setStatementBuilderFactory(PlainStatementBuilder.FACTORY);
        this.db = new Db(dialect, schema);
        this.name = "jdbc-" + dialect.code();
        EnumSet<Capability> caps = EnumSet.of(Capability.BULK_LOAD);
        if (!inMemory) {
            caps.add(Capability.SHARED_ACROSS_INSTANCES);
            caps.add(Capability.DURABLE);
        }
        this.capabilities = Collections.unmodifiableSet(caps);
        this.closeOwned = closeOwned;
        this.poolTimeoutMs = poolTimeoutMs;
        this.maxAttempts = maxAttempts;
        this.baseBackoffMs = Math.max(1, baseBackoff.toMillis());
        this.maxBackoffMs = Math.max(this.baseBackoffMs, maxBackoff.toMillis());
    }

    /**
     * Embedded H2 database stored in directory {@code directory} (created if missing; the files are
     * {@code cim4j.mv.db} and friends), migrated to the latest schema. Durable; several providers in
     * one JVM may open the same directory.
     */
    public static JdbcStorage h2File(Path directory) {
        Objects.requireNonNull(directory, "directory");
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("cim4j") + ";LOCK_TIMEOUT=5000";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        return builder().dataSource(pool).ownedBy(pool::dispose).build();
    }

    /** A private, empty H2 in-memory database (unique name), dropped on {@link #close()}. */
    public static JdbcStorage h2InMemory() {
        String url = "jdbc:h2:mem:cim4j-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=5000";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        return builder().dataSource(pool).ownedBy(() -> {
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.debug("H2 in-memory shutdown failed {}", SqlErrors.codes(e));
            }
            pool.dispose();
        }).build();
    }

    /**
     * Storage on the host's {@link DataSource} (its pool, its credentials), migrated to the latest
     * schema. The DataSource is never closed by cim4j. For batch speed configure
     * {@code reWriteBatchedInserts=true} on a PostgreSQL DataSource.
     */
    public static JdbcStorage of(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The dialect in use. */
    public Dialect dialect() {
        return db.dialect();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public <T> T inTransaction(TransactionMode mode, StorageWork<T> work) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(work, "work");
        if (closed.get()) {
            throw new IllegalStateException("storage '" + name + "' is closed");
        }
        if (inTransaction.get()) {
            throw new IllegalStateException("nested transactions are not supported");
        }
        inTransaction.set(Boolean.TRUE);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return runOnce(mode, work);
                } catch (RuntimeException e) {
                    boolean retryable = e instanceof TransientStorageException
                            || (!(e instanceof Cim4jException) && SqlErrors.classify(e) == SqlErrors.Kind.RETRYABLE);
                    if (!retryable) {
                        if (e instanceof Cim4jException || !isDatabaseFailure(e)) {
                            throw e; // the work's own exception (or ours) passes through unchanged
                        }
                        throw SqlErrors.translate(name, "transaction", e, poolTimeoutMs);
                    }
                    if (attempt >= maxAttempts) {
                        throw new TransientStorageException(name + ": transaction failed after " + attempt
                                + " attempts (serialization failure, deadlock or lock timeout) " + SqlErrors.codes(e), e);
                    }
                    LOG.debug("{}: retrying transaction after {} (attempt {}/{})", name, SqlErrors.codes(e), attempt,
                            maxAttempts);
                    backoff(attempt);
                }
            }
        } finally {
            inTransaction.set(Boolean.FALSE);
        }
    }

    private static boolean isDatabaseFailure(Throwable e) {
        return e instanceof org.jdbi.v3.core.JdbiException || SqlErrors.sqlCause(e) != null;
    }

    private <T> T runOnce(TransactionMode mode, StorageWork<T> work) {
        Handle handle = jdbi.open();
        boolean readOnly = mode == TransactionMode.READ_ONLY;
        boolean mariaDb = db.dialect() == Dialect.MARIADB;
        // On MariaDB the transaction is started explicitly with its isolation and access mode, two statements
        // sent together (the driver pipelines a statement batch): setReadOnly and setTransactionIsolation are a
        // round trip each, and so is each reset when the pool takes the connection back, four in all. START
        // TRANSACTION consumes the one-transaction settings at once, so nothing is left on the session even
        // when the work runs no statement.
        boolean resetReadOnly = readOnly && !mariaDb;
        Tx tx = new Tx(handle, db, readOnly);
        try {
            if (resetReadOnly) {
                handle.setReadOnly(true);
            }
            handle.begin();
            if (mariaDb) {
                try (Statement st = handle.getConnection().createStatement()) {
                    // InnoDB defaults to REPEATABLE READ; cim4j's optimistic versions assume READ COMMITTED.
                    st.addBatch("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
                    st.addBatch(readOnly ? "START TRANSACTION READ ONLY" : "START TRANSACTION");
                    st.executeBatch();
                }
            }
            T result = work.execute(new JdbcStores(tx));
            handle.commit();
            return result;
        } catch (RuntimeException | Error e) {
            rollbackQuietly(handle, e);
            throw e;
        } catch (SQLException e) {
            rollbackQuietly(handle, e);
            throw new StorageException(name + ": could not configure the connection " + SqlErrors.codes(e), e);
        } finally {
            tx.end();
            closeQuietly(handle, resetReadOnly);
        }
    }

    private static void rollbackQuietly(Handle handle, Throwable failure) {
        try {
            if (handle.isInTransaction()) {
                handle.rollback();
            }
        } catch (RuntimeException undo) {
            failure.addSuppressed(undo);
        }
    }

    private static void closeQuietly(Handle handle, boolean resetReadOnly) {
        try {
            if (resetReadOnly && !handle.getConnection().isClosed()) {
                handle.setReadOnly(false);
            }
        } catch (RuntimeException | SQLException e) {
            LOG.debug("could not reset read-only flag {}", SqlErrors.codes(e));
        }
        try {
            handle.close();
        } catch (RuntimeException e) {
            LOG.debug("closing a connection failed {}", SqlErrors.codes(e));
        }
    }

    private void backoff(int attempt) {
        long cap = Math.min(maxBackoffMs, baseBackoffMs << Math.min(attempt - 1, 16));
        long sleep = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
        try {
            Thread.sleep(sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientStorageException(name + ": interrupted while waiting to retry a transaction", e);
        }
    }

    /** Closes what this provider owns (its pool or in-memory database); never a host DataSource. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && closeOwned != null) {
            closeOwned.run();
        }
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + name + "]";
    }

    /**
     * Configures a {@link JdbcStorage}: a DataSource (the host's, never closed by cim4j) or a JDBC URL
     * (then cim4j owns a HikariCP pool; add {@code com.zaxxer:HikariCP} to the host's dependencies).
     */
    public static final class Builder {
        private @Nullable DataSource dataSource;
        private @Nullable String jdbcUrl;
        private @Nullable String user;
        private @Nullable String password;
        private int maxPoolSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(10);
        private @Nullable Dialect dialect;
        private @Nullable String schema;
        private boolean migrate = true;
        private int maxAttempts = 5;
        private Duration baseBackoff = Duration.ofMillis(10);
        private Duration maxBackoff = Duration.ofMillis(500);
        private @Nullable Runnable owned;

        private Builder() {
        }

        /** The host's DataSource; cim4j borrows connections and never closes it. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * A JDBC URL for a pool cim4j creates and closes (HikariCP). PostgreSQL URLs get
         * {@code reWriteBatchedInserts=true} unless they set it.
         */
        public Builder jdbcUrl(String jdbcUrl) {
            this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            return this;
        }

        public Builder user(@Nullable String user) {
            this.user = user;
            return this;
        }

        public Builder password(@Nullable String password) {
            this.password = password;
            return this;
        }

        /** Size of the owned pool (URL form only); default 10. */
        public Builder maxPoolSize(int maxPoolSize) {
            if (maxPoolSize < 1) {
                throw new IllegalArgumentException("maxPoolSize must be >= 1, was " + maxPoolSize);
            }
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        /** How long a transaction waits for a connection of the owned pool; default 10 s. */
        public Builder connectionTimeout(Duration connectionTimeout) {
            if (connectionTimeout.toMillis() < 250) {
                throw new IllegalArgumentException("connectionTimeout must be at least 250 ms (HikariCP minimum)");
            }
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /** Overrides the dialect detected from the connection's metadata. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Schema (PostgreSQL, H2) or database (MariaDB) holding cim4j's tables, a plain identifier;
         * created by the migration if missing. Default: the connection's current schema.
         */
        public Builder schema(String schema) {
            this.schema = Db.checkIdentifier(schema);
            return this;
        }

        /** Whether to run cim4j's Flyway migrations on build (default true). */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Retry policy for serialization failures, deadlocks and lock timeouts: at most
         * {@code maxAttempts} runs of the work, waiting a jittered {@code baseBackoff * 2^(n-1)}
         * (capped at 500 ms) between them. Default 5 attempts, 10 ms.
         */
        public Builder retry(int maxAttempts, Duration baseBackoff) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            this.baseBackoff = Objects.requireNonNull(baseBackoff, "baseBackoff");
            return this;
        }

        Builder ownedBy(Runnable closeOwned) {
            this.owned = closeOwned;
            return this;
        }

        /**
         * Connects, detects the dialect, migrates (unless disabled) and returns the storage.
         *
         * @throws org.cim4j.StorageUnavailableException if the database cannot be reached
         */
        public JdbcStorage build() {
            if ((dataSource == null) == (jdbcUrl == null)) {
                throw new IllegalStateException("set exactly one of dataSource(...) or jdbcUrl(...)");
            }
            DataSource ds = dataSource;
            Runnable closeOwned = owned;
            long poolTimeout = -1;
            if (ds == null) {
                String url = withBatchRewrite(Objects.requireNonNull(jdbcUrl));
                try {
                    ds = HikariPools.create(url, user, password, maxPoolSize, connectionTimeout,
                            "cim4j-" + Integer.toHexString(System.identityHashCode(this)));
                } catch (NoClassDefFoundError e) {
                    throw new IllegalStateException("JdbcStorage.builder().jdbcUrl(...) needs HikariCP on the class path"
                            + " (com.zaxxer:HikariCP); or pass your own DataSource", e);
                } catch (RuntimeException e) {
                    throw SqlErrors.translate("jdbc", "creating the connection pool", e, connectionTimeout.toMillis());
                }
                DataSource pool = ds;
                closeOwned = () -> HikariPools.close(pool);
                poolTimeout = connectionTimeout.toMillis();
            }
            try {
                Dialect d;
                boolean inMemory;
                try (Connection c = ds.getConnection()) {
                    String product = c.getMetaData().getDatabaseProductName();
                    d = dialect != null ? dialect : Dialect.fromProductName(product);
                    String url = c.getMetaData().getURL();
                    inMemory = url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:");
                }
                if (migrate) {
                    Migrations.migrate(ds, d, schema);
                }
                return new JdbcStorage(ds, d, schema, inMemory, closeOwned, poolTimeout, maxAttempts, baseBackoff,
                        maxBackoff);
            } catch (SQLException | RuntimeException e) {
                if (closeOwned != null) {
                    closeOwned.run();
                }
                if (e instanceof IllegalArgumentException) {
                    throw (IllegalArgumentException) e;
                }
                if (e instanceof org.flywaydb.core.api.FlywayException && SqlErrors.sqlCause(e) == null) {
                    // Flyway's own messages (checksum mismatch, failed script name) hold no customer data.
                    throw new StorageException("jdbc: migrating the cim4j schema failed: " + e.getMessage(), e);
                }
                throw SqlErrors.translate("jdbc", "opening the storage", e, poolTimeout);
            }
        }

        private static String withBatchRewrite(String url) {
            if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts")) {
                return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            }
            return url;
        }
    }
}
