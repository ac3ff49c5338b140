package org.cim4j.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.cim4j.cache.Invalidation;
import org.cim4j.cache.InvalidationBus;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link InvalidationBus} over PostgreSQL's {@code LISTEN}/{@code NOTIFY}, so several cim4j
 * processes on one PostgreSQL database keep their caches coherent without any other middleware.
 * Every instance gets its own bus on the same database and channel:
 *
 * <pre>{@code
 * PostgresInvalidationBus bus = PostgresInvalidationBus.start(dataSource);   // channel cim4j_invalidation
 * Cim4j crm = Cim4j.builder()
 *         .storage(JdbcStorage.of(dataSource))
 *         .cache(CacheSettings.defaults().withInvalidationBus(bus))
 *         .build();
 * ...
 * crm.close();
 * bus.close();
 * }</pre>
 *
 * <p><b>Publishing</b> runs {@code SELECT pg_notify(?, ?)} with the {@link Invalidation#encode()}
 * text as a bound parameter, on a connection borrowed for that one statement (from the
 * {@link DataSource}; with a JDBC URL, on one publishing connection the bus keeps). The caching
 * decorator publishes after the writing transaction committed, so the notification never announces
 * a write that might still roll back. A message longer than PostgreSQL's payload limit (under 8000
 * bytes; {@code encode()} stays far below it for any customer the API accepts) is split into several
 * messages that each carry part of the key fingerprints. {@link #publish} never throws: a failure is
 * logged at WARN and other instances then converge by their TTLs.
 *
 * <p><b>Listening</b> uses one dedicated connection (held for the bus's lifetime, taken from the
 * DataSource or opened from the URL) that runs {@code LISTEN channel}, and <b>one daemon thread</b>,
 * named {@value #THREAD_NAME}, which waits for notifications and hands them to the subscribers. This
 * is the only thread cim4j ever starts, and only when the host creates this bus; {@link #close()}
 * stops it. Listeners run on that thread.
 *
 * <p><b>Connection loss.</b> When the listening connection fails (server restart, network, the
 * session terminated), the thread reconnects with a bounded exponential backoff and, once
 * {@code LISTEN} is active again, calls {@link InvalidationBus.Listener#onGap()} on every subscriber,
 * since notifications sent meanwhile were lost; caches then drop everything. The same happens if
 * the first connection could not be made when the bus started. A connection that silently stopped
 * answering is found by a validity check after a minute without notifications.
 *
 * <p>Notifications are scoped to the database, not the schema: deployments that use separate
 * schemas of one database and should not hear each other use separate {@linkplain
 * Builder#channel(String) channels} (hearing each other is harmless, only extra cache misses).
 * A bus delivers its own notifications back to its subscribers too (other instances in the same JVM
 * may share one bus); the caching decorator ignores its own messages by
 * {@link Invalidation#origin()}. Logs name the channel, SQLStates, kinds, ids and tenants, never
 * payload text or personal data. Thread-safe.
 */
public final class PostgresInvalidationBus implements InvalidationBus, AutoCloseable {
    /** Channel used unless {@link Builder#channel(String)} sets another. */
    public static final String DEFAULT_CHANNEL = "cim4j_invalidation";
    /** Name of the listening thread. */
    public static final String THREAD_NAME = "cim4j-pg-invalidation";
    /** Largest payload PostgreSQL accepts in a notification, in bytes (it must be shorter than 8000). */
    static final int MAX_PAYLOAD_BYTES = 7999;

    private static final Logger LOG = LoggerFactory.getLogger(PostgresInvalidationBus.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final long POLL_MILLIS = 250;
    private static final long VALIDATE_AFTER_IDLE_MILLIS = 60_000;
    private static final Duration START_WAIT = Duration.ofSeconds(10);

    private final ConnectionSource source;
    private final String channel;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean warnedClosedPublish = new AtomicBoolean();
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private final ReentrantLock publishLock = new ReentrantLock();
    private final Thread thread;
    private volatile @Nullable Connection listenConnection;
    private volatile boolean listening;
    private volatile @Nullable String notPostgres;
    private @Nullable Connection publishConnection; // URL form only; guarded by publishLock

    private PostgresInvalidationBus(Builder b, ConnectionSource source) {
        this.source = source;
        this.channel = b.channel;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.thread = new Thread(this::run, THREAD_NAME);
        this.thread.setDaemon(true);
    }

    /**
     * Starts a bus on the default channel, borrowing connections from {@code dataSource} (one of them
     * for the bus's lifetime). Same as {@code builder().dataSource(dataSource).start()}.
     */
    public static PostgresInvalidationBus start(DataSource dataSource) {
        return builder().dataSource(dataSource).start();
    }

    /** A builder; set {@link Builder#dataSource} or {@link Builder#jdbcUrl}, then {@link Builder#start()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The channel this bus notifies and listens on. */
    public String channel() {
        return channel;
    }

    /** Whether the listening connection is currently established and {@code LISTEN} is active. */
    public boolean isListening() {
        return listening && !closed.get();
    }

    /**
     * Notifies every instance listening on the channel (this bus's own subscribers included).
     * Never throws; after {@link #close()} it only logs once that nothing is published.
     */
    @Override
    public void publish(Invalidation message) {
        Objects.requireNonNull(message, "message");
        if (closed.get()) {
            if (warnedClosedPublish.compareAndSet(false, true)) {
                LOG.warn("invalidation bus on channel {} is closed; invalidations are no longer published", channel);
            }
            return;
        }
        List<String> payloads = payloads(message);
        try {
            send(payloads);
        } catch (SQLException e) {
            LOG.warn("publishing invalidation of {} {} in tenant {} on channel {} failed [SQLState {}, {}];"
                            + " other instances rely on TTLs", message.kind(), message.id(), message.tenant(), channel,
                    e.getSQLState(), e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.warn("publishing invalidation of {} {} in tenant {} on channel {} failed [{}]; other instances rely on"
                    + " TTLs", message.kind(), message.id(), message.tenant(), channel, e.getClass().getSimpleName());
        }
    }

    @Override
    public Subscription subscribe(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                listeners.remove(listener);
            }
        };
    }

    /**
     * Stops the listening thread (interrupting a reconnect backoff; a wait for notifications ends
     * within 250 ms), which runs {@code UNLISTEN *} and gives its connection back, waits for it to
     * end and closes the bus's connections. Idempotent. Subscribers hear nothing afterwards;
     * {@link #publish} does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        thread.interrupt(); // ends a reconnect backoff; a wait for notifications ends within its poll interval
        try {
            thread.join(POLL_MILLIS + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("invalidation listener thread on channel {} did not stop within {} ms", channel, POLL_MILLIS + 5_000);
        }
        listening = false;
        Connection left = listenConnection;
        if (left != null) {
            abortQuietly(left);
        }
        publishLock.lock();
        try {
            if (publishConnection != null) {
                closeQuietly(publishConnection);
                publishConnection = null;
            }
        } finally {
            publishLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "PostgresInvalidationBus[channel=" + channel + ", " + (closed.get() ? "closed" : listening ? "listening"
                : "reconnecting") + ", " + listeners.size() + " subscribers]";
    }

    // ---- publishing -----------------------------------------------------------------------------

    /**
     * The message's text, or several texts each carrying part of its fingerprints when one would
     * exceed {@link #MAX_PAYLOAD_BYTES}. Receivers are idempotent, so every part invalidates the
     * aggregate and its share of the lookups.
     */
    static List<String> payloads(Invalidation message) {
        String whole = message.encode();
        if (whole.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES) {
            return List.of(whole);
        }
        Invalidation bare = new Invalidation(message.kind(), message.tenant(), message.id(), message.version(),
                List.of(), message.origin());
        // Each fingerprint takes at most 5 bytes ("ffff,"); encode() is ASCII.
        int room = MAX_PAYLOAD_BYTES - bare.encode().length();
        int perPart = Math.max(1, room / 5);
        List<Integer> fps = message.keyFingerprints();
        List<String> parts = new ArrayList<>();
        for (int from = 0; from < fps.size(); from += perPart) {
            List<Integer> slice = fps.subList(from, Math.min(fps.size(), from + perPart));
            parts.add(new Invalidation(message.kind(), message.tenant(), message.id(), message.version(), slice,
                    message.origin()).encode());
        }
        return parts;
    }

    private void send(List<String> payloads) throws SQLException {
        if (source.pooled()) {
            try (Connection c = source.connect()) {
                notify(c, payloads);
            }
            return;
        }
        publishLock.lock();
        try {
            if (publishConnection == null || publishConnection.isClosed()) {
                publishConnection = source.connect();
            }
            try {
                notify(publishConnection, payloads);
            } catch (SQLException e) {
                closeQuietly(publishConnection);
                publishConnection = null;
                throw e;
            }
        } finally {
            publishLock.unlock();
        }
    }

    private void notify(Connection c, List<String> payloads) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (String p : payloads) {
                ps.setString(1, channel);
                ps.setString(2, p);
                ps.execute();
            }
        }
        if (!autoCommit) {
            c.commit(); // a notification is sent when its transaction commits
        }
    }

    // ---- listening ------------------------------------------------------------------------------

    private void run() {
        boolean gap = false;
        long backoff = initialBackoff.toMillis();
        while (!closed.get()) {
            Connection c = null;
            try {
                c = source.connect();
                listenConnection = c;
                if (closed.get()) {
                    break;
                }
                if (!c.isWrapperFor(PGConnection.class)) {
                    notPostgres = c.getMetaData().getDatabaseProductName();
                    break; // start() reports it and closes the bus
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + channel); // validated identifier; LISTEN takes no parameters
                }
                listening = true;
                firstAttempt.countDown();
                backoff = initialBackoff.toMillis();
                if (gap) {
                    LOG.info("invalidation bus listening again on channel {}; subscribers drop their caches", channel);
                    signalGap();
                    gap = false;
                }
                poll(c, pg);
            } catch (SQLException | RuntimeException e) {
                if (closed.get()) {
                    break;
                }
                if (c != null) {
                    surfaceFailure(c);
                }
                String state = e instanceof SQLException ? ((SQLException) e).getSQLState() : null;
                LOG.warn("invalidation bus on channel {} is not listening [SQLState {}, {}]; connecting again in {} ms",
                        channel, state, e.getClass().getSimpleName(), backoff);
            } finally {
                if (c != null) {
                    if (listening && closed.get()) {
                        unlistenQuietly(c); // a pooled connection must not stay subscribed
                    }
                    closeQuietly(c);
                }
                listening = false;
                listenConnection = null;
            }
            gap = true;
            firstAttempt.countDown();
            if (!sleep(backoff)) {
                break;
            }
            backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
        }
        listening = false;
        firstAttempt.countDown();
    }

    private void poll(Connection c, PGConnection pg) throws SQLException {
        long idleSince = System.nanoTime();
        while (!closed.get()) {
            PGNotification[] notes = pg.getNotifications((int) POLL_MILLIS);
            if (notes != null && notes.length > 0) {
                idleSince = System.nanoTime();
                for (PGNotification n : notes) {
                    if (channel.equals(n.getName())) {
                        dispatch(n.getParameter());
                    }
                }
            } else if (System.nanoTime() - idleSince > TimeUnit.MILLISECONDS.toNanos(VALIDATE_AFTER_IDLE_MILLIS)) {
                if (!c.isValid(5)) {
                    throw new SQLException("listening connection is no longer valid", "08006");
                }
                idleSince = System.nanoTime();
            }
        }
    }

    private void dispatch(String payload) {
        Invalidation message;
        try {
            var decoded = Invalidation.decode(payload);
            if (decoded.isEmpty()) {
                LOG.debug("invalidation bus on channel {} ignored a message of an unknown format or kind", channel);
                return;
            }
            message = decoded.get();
        } catch (IllegalArgumentException e) {
            LOG.warn("invalidation bus on channel {} ignored a malformed message ({} characters)", channel,
                    payload.length());
            return;
        }
        for (Listener l : listeners) {
            try {
                l.onInvalidation(message);
            } catch (RuntimeException e) {
                LOG.warn("invalidation listener failed on {} {} of tenant {}", message.kind(), message.id(),
                        message.tenant(), e);
            }
        }
    }

    private void signalGap() {
        for (Listener l : listeners) {
            try {
                l.onGap();
            } catch (RuntimeException e) {
                LOG.warn("invalidation listener failed on a gap signal", e);
            }
        }
    }

    /** Waits up to {@code millis}; false if the bus was closed or the thread interrupted meanwhile. */
    private boolean sleep(long millis) {
        if (closed.get()) {
            return false;
        }
        try {
            Thread.sleep(millis); // reconnect backoff; close() interrupts it
            return !closed.get();
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void awaitFirstAttempt() {
        try {
            if (!firstAttempt.await(START_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("invalidation bus on channel {} is not listening yet; it keeps trying in the background",
                        channel);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs a statement through the connection as the pool handed it out, so a pool that inspects
     * exceptions (HikariCP evicts on SQLState 08xxx and 57P0x) sees that the connection is broken:
     * the failure happened on the unwrapped driver connection, which the pool cannot observe, and
     * the pool would otherwise hand the dead connection to its next borrower.
     */
    private static void surfaceFailure(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT 1");
        } catch (SQLException | RuntimeException expected) {
            LOG.debug("listening connection confirmed broken [{}]", expected.getClass().getSimpleName());
        }
    }

    private static void unlistenQuietly(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("UNLISTEN *");
        } catch (SQLException | RuntimeException e) {
            LOG.debug("UNLISTEN on closing failed [{}]", e.getClass().getSimpleName());
        }
    }

    private static void abortQuietly(Connection c) {
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException | AbstractMethodError e) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("closing an invalidation bus connection failed [{}]", e.getClass().getSimpleName());
        }
    }

    /** Where the bus gets its connections. */
    private interface ConnectionSource {
        Connection connect() throws SQLException;

        /** Whether a connection per publish is cheap (a pool) rather than a new session. */
        boolean pooled();
    }

    /**
     * Configures a {@link PostgresInvalidationBus}: exactly one of {@link #dataSource} and
     * {@link #jdbcUrl}, optionally a channel and the reconnect backoff. {@link #start()} leaves the
     * builder unchanged.
     */
    public static final class Builder {
        private @Nullable DataSource dataSource;
        private @Nullable String jdbcUrl;
        private @Nullable String user;
        private @Nullable String password;
        private String channel = DEFAULT_CHANNEL;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * Connections of the host's pool on the PostgreSQL database cim4j uses: one per publish,
         * returned at once, and one held for listening until {@link #close()}. The DataSource is never
         * closed by the bus.
         *
         * @throws IllegalStateException if a JDBC URL was set
         */
        public Builder dataSource(DataSource dataSource) {
            if (jdbcUrl != null) {
                throw new IllegalStateException("set either dataSource or jdbcUrl, not both");
            }
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * A {@code jdbc:postgresql:} URL; the bus opens two connections of its own (one listening, one
         * publishing) and closes them with the bus.
         *
         * @throws IllegalArgumentException if not a PostgreSQL URL
         * @throws IllegalStateException    if a DataSource was set
         */
        public Builder jdbcUrl(String jdbcUrl) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (dataSource != null) {
                throw new IllegalStateException("set either dataSource or jdbcUrl, not both");
            }
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql:");
            }
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        /** User for {@link #jdbcUrl}; may also be in the URL. */
        public Builder user(@Nullable String user) {
            this.user = user;
            return this;
        }

        /** Password for {@link #jdbcUrl}; may also be in the URL. */
        public Builder password(@Nullable String password) {
            this.password = password;
            return this;
        }

        /**
         * Channel name, default {@value PostgresInvalidationBus#DEFAULT_CHANNEL}: a lower-case identifier
         * {@code [a-z_][a-z0-9_]{0,62}} (lower case because PostgreSQL folds {@code LISTEN}'s unquoted
         * name but not {@code pg_notify}'s argument). All instances that share a database's caches use
         * the same channel.
         *
         * @throws IllegalArgumentException if not such an identifier
         */
        public Builder channel(String channel) {
            Objects.requireNonNull(channel, "channel");
            if (!CHANNEL.matcher(channel).matches()) {
                throw new IllegalArgumentException("channel must match " + CHANNEL + ", was '" + channel + "'");
            }
            this.channel = channel;
            return this;
        }

        /**
         * Wait before the first reconnect attempt, doubled after each failed attempt up to
         * {@code max}; defaults 100 ms and 10 s.
         *
         * @throws IllegalArgumentException if {@code initial} is not positive or {@code max} is
         *                                  shorter than it
         */
        public Builder reconnectBackoff(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("reconnectBackoff needs 0 < initial <= max, was " + initial + " and "
                        + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * Creates the bus and starts its listening thread. Waits (up to 10 s) until {@code LISTEN}
         * is active or the first connection attempt failed; in the latter case the bus keeps trying
         * in the background and signals a gap once it listens.
         *
         * @throws IllegalStateException    if neither a DataSource nor a JDBC URL was set
         * @throws IllegalArgumentException if the DataSource's connections are not PostgreSQL's
         */
        public PostgresInvalidationBus start() {
            ConnectionSource source;
            if (dataSource != null) {
                DataSource ds = dataSource;
                source = new ConnectionSource() {
                    @Override
                    public Connection connect() throws SQLException {
                        return ds.getConnection();
                    }

                    @Override
                    public boolean pooled() {
                        return true;
                    }
                };
            } else if (jdbcUrl != null) {
                String url = jdbcUrl;
                Properties props = new Properties();
                if (user != null) {
                    props.setProperty("user", user);
                }
                if (password != null) {
                    props.setProperty("password", password);
                }
                source = new ConnectionSource() {
                    @Override
                    public Connection connect() throws SQLException {
                        return DriverManager.getConnection(url, props);
                    }

                    @Override
                    public boolean pooled() {
                        return false;
                    }
                };
            } else {
                throw new IllegalStateException("PostgresInvalidationBus needs a dataSource or a jdbcUrl");
            }
            PostgresInvalidationBus bus = new PostgresInvalidationBus(this, source);
            bus.thread.start();
            bus.awaitFirstAttempt();
            String product = bus.notPostgres;
            if (product != null) {
                bus.close();
                throw new IllegalArgumentException("PostgresInvalidationBus needs a PostgreSQL database, the connection"
                        + " is to " + product);
            }
            return bus;
        }
    }
}
