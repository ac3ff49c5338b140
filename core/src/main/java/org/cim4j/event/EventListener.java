package org.cim4j.event;

/**
 * Receives domain events. Called synchronously on the thread that made the change, after commit;
 * keep it quick or hand work to an executor. An exception thrown here is logged (type only, no
 * event content) and does not affect the change, which is already committed, or other listeners.
 */
@FunctionalInterface
public interface EventListener<E extends DomainEvent> {
    void on(E event);
}
