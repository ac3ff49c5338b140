package org.cim4j;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one tenant (a business) whose data is isolated from every other tenant's. Every
 * record belongs to exactly one tenant and every store call is filtered by it.
 *
 * @param value 1–64 characters of {@code [A-Za-z0-9._-]}
 */
public record TenantId(String value) implements Comparable<TenantId> {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The tenant used when a host has only one. */
    public static final TenantId DEFAULT = new TenantId("default");

    public TenantId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("tenant id must match " + FORMAT + ", was '" + value + "'");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public int compareTo(TenantId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
