package org.cim4j.internal;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cim4j.Cim4j;
import org.cim4j.Cim4jScope;
import org.cim4j.Principal;
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
