package org.cim4j.loyalty;

import java.util.Objects;

/**
 * Where earned points come from: a source kind and a reference the host recognises (order id,
 * event, note). Shown on statements; must not contain personal data.
 *
 * @param source    kind of source
 * @param reference 1–200 characters, e.g. {@code "order-42"}
 */
public record EarnReason(EarnSource source, String reference) {
    public EarnReason {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reference, "reference");
        if (reference.isBlank() || reference.length() > 200) {
            throw new IllegalArgumentException("earn reference must be 1-200 characters");
        }
    }

    public static EarnReason purchase(String orderReference) {
        return new EarnReason(EarnSource.PURCHASE, orderReference);
    }

    public static EarnReason event(EarnEvent event) {
        return new EarnReason(EarnSource.EVENT, event.name());
    }

    public static EarnReason manual(String note) {
        return new EarnReason(EarnSource.MANUAL, note);
    }
}
