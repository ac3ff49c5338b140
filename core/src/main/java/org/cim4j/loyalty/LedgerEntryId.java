package org.cim4j.loyalty;

import java.util.Objects;
import java.util.UUID;

/** Identifies one ledger entry within a tenant. The id of an EARN entry also identifies the lot it created. Wraps a UUIDv7, so ids sort by creation time. */
public record LedgerEntryId(UUID value) implements Comparable<LedgerEntryId> {
    public LedgerEntryId {
        Objects.requireNonNull(value, "value");
    }

    public static LedgerEntryId of(UUID value) {
        return new LedgerEntryId(value);
    }

    /** Parses the canonical UUID text form. */
    public static LedgerEntryId of(String value) {
        return new LedgerEntryId(UUID.fromString(Objects.requireNonNull(value, "value")));
    }

    @Override
    public int compareTo(LedgerEntryId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
