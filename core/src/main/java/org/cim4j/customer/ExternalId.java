package org.cim4j.customer;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The customer's id in another system (a POS membership number, an e-shop user id), so online and
 * offline records join without typing anything twice. Unique among a tenant's active customers.
 * Written {@code system:value}, e.g. {@code pos:member:88231} is system {@code pos:member},
 * value {@code 88231}.
 *
 * @param system source system, 1–64 characters of {@code [a-z0-9_.:-]}, e.g. {@code shop:user}
 * @param value  the id in that system, 1–128 characters without control characters
 */
public record ExternalId(String system, String value) {
    private static final Pattern SYSTEM = Pattern.compile("[a-z0-9_.:-]{1,64}");

    public ExternalId {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(value, "value");
        if (!SYSTEM.matcher(system).matches() || system.startsWith(":") || system.endsWith(":")) {
            throw new IllegalArgumentException("external id system must match " + SYSTEM + ", was '" + system + "'");
        }
        if (value.isEmpty() || value.length() > 128 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("external id value must be 1-128 characters without control characters");
        }
    }

    /** Parses {@code system:value}, splitting at the last colon. */
    public static ExternalId parse(String text) {
        Objects.requireNonNull(text, "text");
        int at = text.lastIndexOf(':');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("external id must be written system:value");
        }
        return new ExternalId(text.substring(0, at), text.substring(at + 1));
    }

    public static ExternalId of(String system, String value) {
        return new ExternalId(system, value);
    }

    /** The {@code system:value} form, which is also the unique key. */
    public String key() {
        return system + ":" + value;
    }

    @Override
    public String toString() {
        return key();
    }
}
