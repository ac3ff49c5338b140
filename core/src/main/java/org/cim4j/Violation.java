package org.cim4j;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One reason an input was rejected.
 *
 * @param field         property path of the offending value, e.g. {@code contacts[1].value}
 * @param message       what is wrong, in English
 * @param rejectedValue the rejected value as text, masked (e.g. {@code "j***@e***"}) when the
 *                      field holds personal data; {@code null} when the value was null
 */
public record Violation(String field, String message, @Nullable String rejectedValue) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message + (rejectedValue == null ? "" : " (was " + rejectedValue + ")");
    }
}
