package org.cim4j.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.cim4j.spi.PurchaseStore;
import org.cim4j.spi.PurchaseTotals;
import org.cim4j.spi.TimeKeyset;
import org.jspecify.annotations.Nullable;

/** {@link PurchaseStore} with an order-id index per tenant and channel. */
final class MemoryPurchaseStore implements PurchaseStore {
    private static final Comparator<Purchase> NEWEST_FIRST =
            Comparator.comparing(Purchase::occurredAt).thenComparing(Purchase::id).reversed();
    private final MemoryTransaction tx;

    MemoryPurchaseStore(MemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Purchase purchase) {
        MemoryData.TenantData t = tx.write(purchase.tenant());
        if (t.purchases.containsKey(purchase.id())) {
            throw new DuplicateException("purchase", "id", purchase.id().toString());
        }
        String orderKey = orderKey(purchase.channel(), purchase.orderId());
        PurchaseId existing = t.orders.get(orderKey);
        if (existing != null) {
            throw new DuplicateException("purchase", "orderId", existing.toString());
        }
        tx.put(t.purchases, purchase.id(), purchase);
        tx.put(t.orders, orderKey, purchase.id());
        tx.add(t.writablePurchasesOf(purchase.customerId()), purchase.id());
    }

    @Override
    public void update(Purchase purchase) {
        MemoryData.TenantData t = tx.write(purchase.tenant());
        Purchase stored = t.purchases.get(purchase.id());
        if (stored == null) {
            throw new NotFoundException("purchase", purchase.id().toString());
        }
        if (stored.version() != purchase.version() - 1) {
            throw new VersionConflictException("purchase", purchase.id().toString(), purchase.version() - 1);
        }
        if (!stored.customerId().equals(purchase.customerId()) || !stored.channel().equals(purchase.channel())
                || !stored.orderId().equals(purchase.orderId())) {
            throw new IllegalArgumentException("customer, channel and order id of a purchase cannot change");
        }
        tx.put(t.purchases, purchase.id(), purchase);
    }

    @Override
    public Optional<Purchase> findById(TenantId tenant, PurchaseId id) {
        return Optional.ofNullable(tx.read(tenant).purchases.get(id));
    }

    @Override
    public Optional<Purchase> findByOrder(TenantId tenant, Channel channel, String orderId) {
        MemoryData.TenantData t = tx.read(tenant);
        PurchaseId id = t.orders.get(orderKey(channel, orderId));
        return id == null ? Optional.empty() : Optional.of(t.purchases.get(id));
    }

    @Override
    public List<Purchase> history(TenantId tenant, CustomerId customer, @Nullable TimeKeyset before, int limit) {
        MemoryData.TenantData t = tx.read(tenant);
        List<Purchase> all = new ArrayList<>();
        for (PurchaseId id : t.purchasesOf(customer)) {
            Purchase p = t.purchases.get(id);
            if (before == null || isBefore(p, before)) {
                all.add(p);
            }
        }
        all.sort(NEWEST_FIRST);
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    /** Sums the customer's purchases in place (no sort, no copy); same sums as the SPI default. */
    @Override
    public PurchaseTotals totals(TenantId tenant, CustomerId customer, Currency currency, Instant from, Instant to) {
        MemoryData.TenantData t = tx.read(tenant);
        PurchaseTotals totals = PurchaseTotals.ZERO;
        for (PurchaseId id : t.purchasesOf(customer)) {
            Purchase p = t.purchases.get(id);
            if (!p.occurredAt().isBefore(from) && p.occurredAt().isBefore(to) && p.total().currency().equals(currency)) {
                totals = totals.plus(p);
            }
        }
        return totals;
    }

    private static boolean isBefore(Purchase p, TimeKeyset k) {
        int cmp = p.occurredAt().compareTo(k.at());
        return cmp < 0 || (cmp == 0 && p.id().value().compareTo(k.id()) < 0);
    }

    private static String orderKey(Channel channel, String orderId) {
        return channel.code() + "\u0000" + orderId;
    }
}
