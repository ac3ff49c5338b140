package org.cim4j.spi;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.cim4j.Channel;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.TenantId;
import org.cim4j.VersionConflictException;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/** Purchase persistence. {@code (tenant, channel, orderId)} is unique. */
public interface PurchaseStore {

    /** @throws DuplicateException (key {@code "orderId"}, naming the existing purchase when known) */
    void insert(Purchase purchase);

    default void insertAll(List<Purchase> purchases) {
        purchases.forEach(this::insert);
    }

    /**
     * Replaces a purchase if its stored version is {@code purchase.version() - 1}.
     *
     * @throws VersionConflictException if the stored version differs
     * @throws NotFoundException        if there is no such purchase in the tenant
     */
    void update(Purchase purchase);

    Optional<Purchase> findById(TenantId tenant, PurchaseId id);

    Optional<Purchase> findByOrder(TenantId tenant, Channel channel, String orderId);

    /**
     * The customer's purchases newest first by {@code (occurredAt, id)} descending, strictly before
     * {@code before}, at most {@code limit}.
     */
    List<Purchase> history(TenantId tenant, CustomerId customer, @Nullable TimeKeyset before, int limit);

    /**
     * Sums over the customer's purchases in {@code currency} with {@code from <= occurredAt < to} (see
     * {@link PurchaseTotals}). The loyalty engine calls it under the account lock when it decides a tier
     * upgrade, so adapters should override it with an aggregate over a {@code (customer, occurredAt)} index.
     * The default pages through {@link #history} newest first and stops at the first purchase before
     * {@code from}, so existing adapters keep working unchanged.
     */
    default PurchaseTotals totals(TenantId tenant, CustomerId customer, Currency currency, Instant from, Instant to) {
        PurchaseTotals totals = PurchaseTotals.ZERO;
        int pageSize = 500;
        TimeKeyset before = null;
        while (true) {
            List<Purchase> page = history(tenant, customer, before, pageSize);
            for (Purchase p : page) {
                if (p.occurredAt().isBefore(from)) {
                    return totals;
                }
                if (p.occurredAt().isBefore(to) && p.total().currency().equals(currency)) {
                    totals = totals.plus(p);
                }
            }
            if (page.size() < pageSize) {
                return totals;
            }
            Purchase last = page.get(page.size() - 1);
            before = new TimeKeyset(last.occurredAt(), last.id().value());
        }
    }
}
