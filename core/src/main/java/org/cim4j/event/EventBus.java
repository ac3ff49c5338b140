package org.cim4j.event;

/**
 * Where listeners subscribe to domain events of one {@link org.cim4j.Cim4j} instance. Listeners
 * see events of every tenant; filter on {@link DomainEvent#tenant()} when that matters.
 */
public interface EventBus {

    /**
     * Registers a listener for events of {@code type} and its subtypes.
     *
     * @return a handle that unsubscribes when closed
     */
    <E extends DomainEvent> Subscription subscribe(Class<E> type, EventListener<? super E> listener);

    /** A registration; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
