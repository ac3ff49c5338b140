package org.cim4j.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cim4j.event.DomainEvent;
import org.cim4j.event.EventBus;
import org.cim4j.event.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synchronous in-process event bus. The engine publishes only after the unit of work committed;
 * listeners run on the caller's thread in subscription order. A failing listener is logged (event
 * type and exception class only, since events carry personal data) and skipped.
 */
final class SimpleEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(SimpleEventBus.class);

    private final CopyOnWriteArrayList<Registration<?>> registrations = new CopyOnWriteArrayList<>();

    @Override
    public <E extends DomainEvent> Subscription subscribe(Class<E> type, EventListener<? super E> listener) {
        Registration<E> r = new Registration<>(Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(listener, "listener"));
        registrations.add(r);
        return () -> registrations.remove(r);
    }

    /** Delivers each event to every listener whose type matches. */
    void publish(List<? extends DomainEvent> events) {
        for (DomainEvent event : events) {
            for (Registration<?> r : registrations) {
                r.deliver(event);
            }
        }
    }

    int listenerCount() {
        return registrations.size();
    }

    /** Identity-compared, so subscribing one listener twice yields two independent handles. */
    private static final class Registration<E extends DomainEvent> {
        private final Class<E> type;
        private final EventListener<? super E> listener;

        Registration(Class<E> type, EventListener<? super E> listener) {
            this.type = type;
            this.listener = listener;
        }

        void deliver(DomainEvent event) {
            if (!type.isInstance(event)) {
                return;
            }
            try {
                listener.on(type.cast(event));
            } catch (RuntimeException e) {
                LOG.warn("event listener for {} failed with {}; ignored", event.getClass().getSimpleName(),
                        e.getClass().getName());
            }
        }
    }
}
