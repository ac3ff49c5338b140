package org.cim4j.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cim4j.Cim4j;
import org.cim4j.Cim4jScope;
import org.cim4j.Principal;
import org.cim4j.event.ActivityEvents;
import org.cim4j.event.DomainEvent;
import org.cim4j.event.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the service implementations over the storage SPI. Holds what is expensive or shared (the
 * Bean Validation factory, the phone normaliser, the event bus); {@link #scope(Principal)} hands
 * out cheap per-principal views whose every call is confined to the principal's tenant.
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Cim4j.Settings settings;
    private final InputValidator validator;
    private final SimpleEventBus bus = new SimpleEventBus();
    private final AtomicBoolean closed = new AtomicBoolean();

    public Engine(Cim4j.Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.validator = new InputValidator(new Normalizer(settings.defaultRegion()), settings.attributeSchema(),
                settings.clock());
        // Registered before any host listener, so points exist when hosts see the purchase event.
        bus.subscribe(ActivityEvents.PurchaseRecorded.class,
                e -> autoEarn(e.purchase().id().toString(), () -> loyaltyFor(e).onPurchaseRecorded(e.purchase())));
        bus.subscribe(ActivityEvents.PurchaseRefunded.class,
                e -> autoEarn(e.purchase().id().toString(), () -> loyaltyFor(e).onPurchaseRefunded(e.purchase())));
        LOG.debug("cim4j engine started on storage {}", settings.storage().name());
    }

    public Cim4j.Settings settings() {
        return settings;
    }

    /** The services as seen by {@code principal}, confined to its tenant. */
    public Cim4jScope scope(Principal principal) {
        Objects.requireNonNull(principal, "principal");
        return new EngineScope(new EngineContext(principal, settings.storage(), settings.clock(), settings.ids(),
                validator, bus));
    }

    public EventBus events() {
        return bus;
    }

    /** Loyalty for the principal that caused {@code event}: earns and reversals are attributed to it. */
    private LoyaltyEngine loyaltyFor(DomainEvent event) {
        return new LoyaltyEngine(settings.storage(), settings.clock(), settings.ids(),
                Principal.of(event.actor(), event.tenant()), e -> bus.publish(List.of(e)));
    }

    /**
     * Runs an automatic earn or reversal for programs with {@code earnOnPurchase}. It runs after the purchase
     * committed; a failure is logged (purchase id only) and the host can redo it with
     * {@code earnForPurchase} / {@code reverse} under the same idempotency key.
     */
    private static void autoEarn(String purchaseId, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("automatic loyalty points for purchase {} failed with {}", purchaseId, e.getClass().getName());
        }
    }

    /** Releases the validator and, unless shared, the storage. Idempotent. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        validator.close();
        if (settings.closeStorage()) {
            settings.storage().close();
        }
    }
}
