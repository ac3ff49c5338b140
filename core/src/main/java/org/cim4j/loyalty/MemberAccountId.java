package org.cim4j.loyalty;

import java.util.Objects;
import java.util.UUID;

/** Identifies a member account (one customer in one program) within a tenant. Wraps a UUIDv7. */
public record MemberAccountId(UUID value) implements Comparable<MemberAccountId> {
    public MemberAccountId {
        Objects.requireNonNull(value, "value");
    }

    public static MemberAccountId of(UUID value) {
        return new MemberAccountId(value);
    }

    /** Parses the canonical UUID text form. */
    public static MemberAccountId of(String value) {
        return new MemberAccountId(UUID.fromString(Objects.requireNonNull(value, "value")));
    }

    @Override
    public int compareTo(MemberAccountId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
