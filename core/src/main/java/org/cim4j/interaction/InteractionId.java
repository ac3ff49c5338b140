package org.cim4j.interaction;

import java.util.Objects;
import java.util.UUID;

/** Identifies an interaction within a tenant (UUIDv7, time-ordered). */
public record InteractionId(UUID value) implements Comparable<InteractionId> {
    public InteractionId {
        Objects.requireNonNull(value, "value");
    }

    public static InteractionId of(UUID value) {
        return new InteractionId(value);
    }

    public static InteractionId of(String value) {
        return new InteractionId(UUID.fromString(Objects.requireNonNull(value, "value")));
    }

    @Override
    public int compareTo(InteractionId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
