package org.cim4j.customer;

import java.util.Objects;
import java.util.UUID;

/** Identifies a customer within a tenant. Wraps a UUIDv7, so ids sort by creation time. */
public record CustomerId(UUID value) implements Comparable<CustomerId> {
    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    public static CustomerId of(UUID value) {
        return new CustomerId(value);
    }

    /** Parses the canonical UUID text form. */
    public static CustomerId of(String value) {
        return new CustomerId(UUID.fromString(Objects.requireNonNull(value, "value")));
    }

    @Override
    public int compareTo(CustomerId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
