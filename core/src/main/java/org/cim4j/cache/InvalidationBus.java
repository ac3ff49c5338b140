package org.cim4j.cache;

/**
 * Carries {@link Invalidation} messages between cim4j instances that share one database, so each
 * instance's cache drops what another instance changed. An SPI: cim4j ships
 * {@link InProcessInvalidationBus} (several instances in one JVM, e.g. tests) and, in
 * {@code cim4j-storage-jdbc}, {@code org.cim4j.jdbc.PostgresInvalidationBus} (PostgreSQL
 * LISTEN/NOTIFY, across processes); a host may plug in its own (Redis
 * pub/sub, a message broker) by moving {@link Invalidation#encode()} strings.
 *
 * <p>What an implementation may assume and must do:
 * <ul>
 *   <li>{@link #publish} is called after a transaction committed, on the committing thread, outside
 *       any storage transaction. It should be quick and should not throw; a failure is logged by the
 *       caller and otherwise ignored (other instances then converge by TTL), so an implementation
 *       that can lose messages must call {@link Listener#onGap()} on its subscribers when it notices.</li>
 *   <li>Delivery may be late, duplicated or reordered: receivers are idempotent and use versions.
 *       A message may be delivered back to its sender, which ignores it by
 *       {@link Invalidation#origin()}.</li>
 *   <li>Listeners are fast and never throw; they may be called on any thread, concurrently.</li>
 *   <li>Thread-safe.</li>
 * </ul>
 */
public interface InvalidationBus {

    /** Sends {@code message} to every subscriber (the sender's own subscription included or not). */
    void publish(Invalidation message);

    /**
     * Registers {@code listener} until the returned subscription is closed.
     *
     * @return closing it stops delivery; idempotent
     */
    Subscription subscribe(Listener listener);

    /** Receives messages of a bus. */
    interface Listener {
        /** A write committed elsewhere. */
        void onInvalidation(Invalidation message);

        /**
         * Messages may have been lost (e.g. the bus reconnected); the receiver drops everything it
         * cached.
         */
        void onGap();
    }

    /** A registration; {@link #close()} ends it. */
    interface Subscription extends AutoCloseable {
        /** Stops delivery to the listener. Idempotent; throws nothing. */
        @Override
        void close();
    }
}
