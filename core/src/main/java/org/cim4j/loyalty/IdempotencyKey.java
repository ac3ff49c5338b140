package org.cim4j.loyalty;

import java.util.Objects;

/**
 * Makes a loyalty command safe to retry: the first command with a key is applied and its result
 * stored in the same transaction; any later command with the same key (in the same tenant) changes
 * nothing and returns that first result. Use a key from the business event, e.g. the order id, so a
 * replayed POS feed or a client retry cannot earn twice.
 *
 * @param value 1–200 characters without control characters
 */
public record IdempotencyKey(String value) {
    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("idempotency key must be 1-200 printable characters");
        }
    }

    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
