package org.cim4j.cache;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link InvalidationBus} within one JVM, for several {@code Cim4j} instances that share one
 * storage adapter (tests, or a host that runs several instances side by side). Delivers every
 * message synchronously on the publishing thread to every subscriber, so once a write's
 * {@code inTransaction} returned, all instances on this bus have dropped the stale entries: no
 * thread, no delay, no loss. A listener that throws is logged at WARN and does not stop delivery to
 * the others.
 */
public final class InProcessInvalidationBus implements InvalidationBus {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessInvalidationBus.class);
    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();

    private InProcessInvalidationBus() {
    }

    /** A new bus with no subscribers. */
    public static InProcessInvalidationBus create() {
        return new InProcessInvalidationBus();
    }

    @Override
    public void publish(Invalidation message) {
        Objects.requireNonNull(message, "message");
        for (Listener l : listeners) {
            try {
                l.onInvalidation(message);
            } catch (RuntimeException e) {
                LOG.warn("invalidation listener failed on {} {} of tenant {}", message.kind(), message.id(),
                        message.tenant(), e);
            }
        }
    }

    /** Tells every subscriber that messages may have been lost, so they drop everything cached. */
    public void signalGap() {
        for (Listener l : listeners) {
            try {
                l.onGap();
            } catch (RuntimeException e) {
                LOG.warn("invalidation listener failed on a gap signal", e);
            }
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

    /** Number of live subscriptions. */
    public int subscriberCount() {
        return listeners.size();
    }

    @Override
    public String toString() {
        return "InProcessInvalidationBus[" + listeners.size() + " subscribers]";
    }
}
