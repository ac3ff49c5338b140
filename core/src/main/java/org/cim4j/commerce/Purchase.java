package org.cim4j.commerce;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cim4j.Channel;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * A completed order of a customer, from any channel. The order id is unique per tenant and channel,
 * so replaying a POS or e-shop feed never records an order twice.
 *
 * @param id         id
 * @param tenant     owning tenant
 * @param customerId buyer
 * @param orderId    the order's id in its channel
 * @param channel    where it was bought
 * @param storeId    physical store or site, if any
 * @param occurredAt when it was bought (microsecond precision)
 * @param lines      order lines, at least one
 * @param total      sum of the lines
 * @param refunded   amount refunded so far, between zero and total
 * @param status     derived from refunded vs total
 * @param version    optimistic lock version; refunds increment it
 * @param recordedAt when cim4j stored it
 */
public record Purchase(PurchaseId id, TenantId tenant, CustomerId customerId, String orderId, Channel channel,
                       @Nullable String storeId, Instant occurredAt, List<PurchaseLine> lines, Money total,
                       Money refunded, PurchaseStatus status, long version, Instant recordedAt) {
    public Purchase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(occurredAt, "occurredAt");
        lines = List.copyOf(lines);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(refunded, "refunded");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (refunded.isNegative() || refunded.compareTo(total) > 0) {
            throw new IllegalArgumentException("refunded must be between 0 and total");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }

    /** Total minus refunds. */
    public Money net() {
        return total.minus(refunded);
    }

    /** Copy with a new refunded amount, status derived from it, and version + 1. */
    public Purchase withRefunded(Money newRefunded) {
        PurchaseStatus s = newRefunded.isZero() ? PurchaseStatus.COMPLETED
                : newRefunded.compareTo(total) >= 0 ? PurchaseStatus.REFUNDED : PurchaseStatus.PARTIALLY_REFUNDED;
        return new Purchase(id, tenant, customerId, orderId, channel, storeId, occurredAt, lines, total, newRefunded,
                s, version + 1, recordedAt);
    }

    @Override
    public String toString() {
        return "Purchase[id=" + id + ", customer=" + customerId + ", total=" + total + ", status=" + status + "]";
    }
}
