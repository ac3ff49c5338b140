package org.cim4j.internal;

import org.cim4j.Cim4j;
import org.cim4j.Cim4jScope;
import org.cim4j.Principal;
import org.cim4j.event.EventBus;

/** Wires the service implementations over the storage SPI. Placeholder until the engine lands. */
public final class Engine {
    private final Cim4j.Settings settings;

    public Engine(Cim4j.Settings settings) {
        this.settings = settings;
    }

    public Cim4j.Settings settings() {
        return settings;
    }

    public Cim4jScope scope(Principal principal) {
        throw new UnsupportedOperationException("engine not built yet");
    }

    public EventBus events() {
        throw new UnsupportedOperationException("engine not built yet");
    }

    public void close() {
        if (settings.closeStorage()) {
            settings.storage().close();
        }
    }
}
