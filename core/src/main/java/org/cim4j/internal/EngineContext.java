package org.cim4j.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cim4j.IdGenerator;
import org.cim4j.Principal;
import org.cim4j.TenantId;
import org.cim4j.event.DomainEvent;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.spi.Stores;

/**
 * What every service implementation of one scope shares: the principal, the storage provider, time
 * and ids, the validator and the event bus. Runs units of work so that events are collected inside
 * the transaction and published only after it committed.
 */
final class EngineContext {
    /** How often an idempotent operation (tag assignment, refund) is retried on a version conflict. */
    static final int MAX_ATTEMPTS = 10;

    private final Principal principal;
    private final StorageProvider provider;
    private final Clock clock;
    private final IdGenerator ids;
    private final InputValidator validator;
    private final SimpleEventBus bus;

    EngineContext(Principal principal, StorageProvider provider, Clock clock, IdGenerator ids,
                  InputValidator validator, SimpleEventBus bus) {
        this.principal = principal;
        this.provider = provider;
        this.clock = clock;
        this.ids = ids;
        this.validator = validator;
        this.bus = bus;
    }

    /** A unit of work that also reports the events it caused. */
    @FunctionalInterface
    interface Work<T> {
        T run(Stores stores, List<DomainEvent> events);
    }

    /**
     * Runs {@code work} in one read-write transaction. The provider may run it more than once, so
     * the event list is reset on every run; events are published after the transaction committed
     * and never when it failed.
     */
    <T> T write(Work<T> work) {
        List<DomainEvent> events = new ArrayList<>();
        T result = provider.write(stores -> {
            events.clear();
            return work.run(stores, events);
        });
        bus.publish(events);
        return result;
    }

    <T> T read(StorageWork<T> work) {
        return provider.read(work);
    }

    Principal principal() {
        return principal;
    }

    TenantId tenant() {
        return principal.tenant();
    }

    String actor() {
        return principal.id();
    }

    /** The current time, truncated to microseconds. */
    Instant now() {
        return Times.now(clock);
    }

    UUID nextId() {
        return ids.next();
    }

    InputValidator validator() {
        return validator;
    }

    /** The loyalty service of this scope; it runs its own units of work and publishes to the same bus. */
    LoyaltyEngine loyalty() {
        return new LoyaltyEngine(provider, clock, ids, principal, e -> bus.publish(List.of(e)));
    }
}
