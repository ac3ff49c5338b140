package org.cim4j.customer;

import java.util.Objects;
import org.cim4j.internal.Masking;

/**
 * A way to reach a customer. Stored values are normalised (e-mail lower-cased, phone in E.164,
 * handles trimmed), so lookups by contact are exact matches on {@code (type, value)}.
 *
 * @param type     e-mail, phone or a messaging handle
 * @param value    normalised value
 * @param primary  the preferred contact of its type; at most one per type, and a primary e-mail or
 *                 phone is unique among the tenant's active customers
 * @param verified whether the customer confirmed it (double opt-in, SMS code)
 */
public record ContactPoint(ContactType type, String value, boolean primary, boolean verified) {
    public ContactPoint {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static ContactPoint email(String value) {
        return new ContactPoint(ContactType.EMAIL, value, true, false);
    }

    public static ContactPoint phone(String value) {
        return new ContactPoint(ContactType.PHONE, value, true, false);
    }

    public static ContactPoint of(ContactType type, String value) {
        return new ContactPoint(type, value, true, false);
    }

    public ContactPoint withPrimary(boolean p) {
        return new ContactPoint(type, value, p, verified);
    }

    public ContactPoint withVerified(boolean v) {
        return new ContactPoint(type, value, primary, v);
    }

    public ContactPoint withValue(String v) {
        return new ContactPoint(type, v, primary, verified);
    }

    /** Masks the value, so a stray log line cannot leak it. */
    @Override
    public String toString() {
        return "ContactPoint[type=" + type + ", value=" + Masking.contact(type.code(), value) + ", primary=" + primary
                + ", verified=" + verified + "]";
    }
}
