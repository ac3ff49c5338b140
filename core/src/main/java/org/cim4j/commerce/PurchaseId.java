package org.cim4j.commerce;

import java.util.Objects;
import java.util.UUID;

/** Identifies a purchase within a tenant (UUIDv7, time-ordered). */
public record PurchaseId(UUID value) implements Comparable<PurchaseId> {
    public PurchaseId {
        Objects.requireNonNull(value, "value");
    }

    public static PurchaseId of(UUID value) {
        return new PurchaseId(value);
    }

    public static PurchaseId of(String value) {
        return new PurchaseId(UUID.fromString(Objects.requireNonNull(value, "value")));
    }

    @Override
    public int compareTo(PurchaseId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
