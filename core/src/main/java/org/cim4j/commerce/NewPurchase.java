package org.cim4j.commerce;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cim4j.Channel;
import org.cim4j.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * Input for {@link PurchaseService#record(NewPurchase)}. All lines must share one currency.
 *
 * @param customerId buyer (must exist and be active)
 * @param orderId    order id in the channel, 1–64 characters, unique per tenant and channel
 * @param channel    where it was bought
 * @param storeId    store or site, up to 64 characters
 * @param occurredAt when; {@code null} means now
 * @param lines      1–500 lines
 */
public record NewPurchase(@NotNull CustomerId customerId, @NotBlank @Size(max = 64) String orderId,
                          @NotNull Channel channel, @Nullable @Size(max = 64) String storeId,
                          @Nullable Instant occurredAt,
                          @NotEmpty @Size(max = 500) List<@NotNull @Valid PurchaseLine> lines) {
    public NewPurchase {
        lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
    }

    public static NewPurchase of(CustomerId customer, String orderId, Channel channel, Instant occurredAt,
                                 PurchaseLine... lines) {
        return new NewPurchase(customer, orderId, channel, null, occurredAt, List.of(lines));
    }
}
