package org.cim4j.commerce;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of an order.
 *
 * @param sku       stock keeping unit, 1–64 characters
 * @param category  product category, for cross-sell and analytics, if known
 * @param quantity  units, at least 1
 * @param unitPrice price per unit, not negative
 */
public record PurchaseLine(@NotBlank @Size(max = 64) String sku, @Nullable @Size(max = 64) String category,
                           @Positive int quantity, @NotNull Money unitPrice) {
    public PurchaseLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }

    public static PurchaseLine of(String sku, @Nullable String category, int quantity, Money unitPrice) {
        return new PurchaseLine(sku, category, quantity, unitPrice);
    }

    /** {@code unitPrice × quantity}. */
    public Money total() {
        return unitPrice.times(quantity);
    }
}
