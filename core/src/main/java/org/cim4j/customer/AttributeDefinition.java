package org.cim4j.customer;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Declares one custom attribute: its name, type, and whether every customer must have it.
 *
 * @param name      1–64 characters of {@code [a-z][a-z0-9_]*}, e.g. {@code shoe_size}
 * @param type      value type; values of another type are rejected
 * @param required  whether creating a customer without it is rejected
 * @param personal  whether the value is personal data (masked in error messages and audit)
 */
public record AttributeDefinition(String name, AttributeType type, boolean required, boolean personal) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("attribute name must match " + NAME + ", was '" + name + "'");
        }
    }

    public static AttributeDefinition optional(String name, AttributeType type) {
        return new AttributeDefinition(name, type, false, false);
    }

    public static AttributeDefinition required(String name, AttributeType type) {
        return new AttributeDefinition(name, type, true, false);
    }
}
