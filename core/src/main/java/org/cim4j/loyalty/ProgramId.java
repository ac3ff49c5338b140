package org.cim4j.loyalty;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names a loyalty program within a tenant, e.g. {@code "default"} or {@code "vip-club"}. A short code
 * rather than a UUID because hosts refer to their programs by name in configuration.
 *
 * @param value 1–64 characters of {@code [A-Za-z0-9._-]}
 */
public record ProgramId(String value) implements Comparable<ProgramId> {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The program used by the convenience methods that take no program id. */
    public static final ProgramId DEFAULT = new ProgramId("default");

    public ProgramId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("program id must match " + FORMAT + ", was '" + value + "'");
        }
    }

    public static ProgramId of(String value) {
        return new ProgramId(value);
    }

    @Override
    public int compareTo(ProgramId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
