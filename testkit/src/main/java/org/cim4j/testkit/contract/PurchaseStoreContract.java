package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cim4j.Channel;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.VersionConflictException;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseStatus;
import org.cim4j.customer.Customer;
import org.cim4j.spi.TimeKeyset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The written contract of {@link org.cim4j.spi.PurchaseStore}: round trips with exact money,
 * {@code (tenant, channel, orderId)} uniqueness, optimistic versions, newest-first history.
 */
public abstract class PurchaseStoreContract extends AdapterContract implements StorageContractRules.PurchaseStoreRules {
    static final Comparator<Purchase> NEWEST_FIRST =
            Comparator.comparing(Purchase::occurredAt).thenComparing(Purchase::id).reversed();

    private Customer customer;
    private Instant t0;

    @BeforeEach
    void insertCustomer() {
        customer = insert(fixtures().customer(TENANT, "Anna"));
        t0 = fixtures().now().minusSeconds(3600);
    }

    private Purchase purchase(Channel channel, String orderId, Instant at) {
        return fixtures().purchase(TENANT, customer.id(), channel, orderId, at);
    }

    private Purchase store(Purchase p) {
        inWrite(s -> s.purchases().insert(p));
        return p;
    }

    private List<Purchase> history(@Nullable TimeKeyset before, int limit) {
        return provider().read(s -> s.purchases().history(TENANT, customer.id(), before, limit));
    }

    @Test
    @DisplayName("insert then findById and findByOrder return an equal purchase (lines, exact money, µs time)")
    public void insert_findById_roundTrip() {
        Purchase p = store(purchase(Channel.POS, "order-1", t0.plusNanos(999_000)));
        assertThat(readOptional(s -> s.purchases().findById(TENANT, p.id()))).contains(p);
        assertThat(readOptional(s -> s.purchases().findByOrder(TENANT, Channel.POS, "order-1"))).contains(p);
        Purchase read = provider().read(s -> s.purchases().findById(TENANT, p.id())).orElseThrow();
        assertThat(read.total()).isEqualTo(Money.of("44.85", "CNY"));
        assertThat(read.lines()).containsExactlyElementsOf(p.lines());
    }

    @Test
    @DisplayName("unknown purchase ids and order ids find nothing")
    public void findById_unknown() {
        assertThat(readOptional(s -> s.purchases().findById(TENANT, fixtures().purchaseId()))).isEmpty();
        assertThat(readOptional(s -> s.purchases().findByOrder(TENANT, Channel.POS, "nope"))).isEmpty();
    }

    @Test
    @DisplayName("an order id is unique per tenant and channel")
    public void insert_duplicateOrderId() {
        Purchase p = store(purchase(Channel.POS, "order-1", t0));
        assertThatThrownBy(() -> store(purchase(Channel.POS, "order-1", t0.plusSeconds(1))))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("orderId"));
        assertThat(history(null, 10)).containsExactly(p);
    }

    @Test
    @DisplayName("the same order id in another channel or another tenant is a different order")
    public void insert_sameOrderIdOtherChannelOrTenant() {
        Purchase pos = store(purchase(Channel.POS, "order-1", t0));
        Purchase shop = store(purchase(Channel.ESHOP, "order-1", t0.plusSeconds(1)));
        Customer foreign = insert(fixtures().customer(OTHER_TENANT, "Bob"));
        Purchase other = store(fixtures().purchase(OTHER_TENANT, foreign.id(), Channel.POS, "order-1", t0));
        assertThat(readOptional(s -> s.purchases().findByOrder(TENANT, Channel.ESHOP, "order-1"))).contains(shop);
        assertThat(readOptional(s -> s.purchases().findByOrder(TENANT, Channel.POS, "order-1"))).contains(pos);
        assertThat(readOptional(s -> s.purchases().findByOrder(OTHER_TENANT, Channel.POS, "order-1"))).contains(other);
    }

    @Test
    @DisplayName("inserting a purchase with an existing id fails with DuplicateException")
    public void insert_duplicateId() {
        Purchase p = store(purchase(Channel.POS, "order-1", t0));
        Purchase sameId = new Purchase(p.id(), TENANT, customer.id(), "order-2", Channel.POS, null, t0, p.lines(),
                p.total(), p.refunded(), p.status(), 1, p.recordedAt());
        assertThatThrownBy(() -> store(sameId)).isInstanceOf(DuplicateException.class);
    }

    @Test
    @DisplayName("update with the next version replaces the purchase (a partial refund)")
    public void update_nextVersion() {
        Purchase p = store(purchase(Channel.POS, "order-1", t0));
        Purchase refunded = p.withRefunded(Money.of("5.05", "CNY"));
        inWrite(s -> s.purchases().update(refunded));
        Purchase read = provider().read(s -> s.purchases().findById(TENANT, p.id())).orElseThrow();
        assertThat(read).isEqualTo(refunded);
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.status()).isEqualTo(PurchaseStatus.PARTIALLY_REFUNDED);
    }

    @Test
    @DisplayName("update from a stale version fails with VersionConflictException")
    public void update_staleVersion() {
        Purchase p = store(purchase(Channel.POS, "order-1", t0));
        inWrite(s -> s.purchases().update(p.withRefunded(Money.of("1.00", "CNY"))));
        Purchase stale = p.withRefunded(Money.of("2.00", "CNY"));
        assertThatThrownBy(() -> inWrite(s -> s.purchases().update(stale))).isInstanceOf(VersionConflictException.class);
        assertThat(readOptional(s -> s.purchases().findById(TENANT, p.id())).orElseThrow().refunded())
                .isEqualTo(Money.of("1.00", "CNY"));
    }

    @Test
    @DisplayName("updating an unknown purchase fails with NotFoundException")
    public void update_unknownId() {
        Purchase never = purchase(Channel.POS, "order-9", t0).withRefunded(Money.of("1.00", "CNY"));
        assertThatThrownBy(() -> inWrite(s -> s.purchases().update(never))).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("history is newest first, ties broken by id descending, and keysets walk it exactly once")
    public void history_newestFirstAndKeysets() {
        List<Purchase> all = new ArrayList<>();
        for (int k = 0; k < 11; k++) {
            all.add(purchase(k % 2 == 0 ? Channel.POS : Channel.ESHOP, "order-" + k, t0.plusSeconds(k / 3)));
        }
        inWrite(s -> s.purchases().insertAll(all));
        List<Purchase> expected = all.stream().sorted(NEWEST_FIRST).toList();
        assertThat(history(null, 100)).containsExactlyElementsOf(expected);

        List<Purchase> read = new ArrayList<>();
        TimeKeyset before = null;
        while (true) {
            List<Purchase> page = history(before, 3);
            read.addAll(page);
            if (page.size() < 3) {
                break;
            }
            Purchase last = page.get(page.size() - 1);
            before = new TimeKeyset(last.occurredAt(), last.id().value());
        }
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("history holds only that customer's purchases")
    public void history_onlyThatCustomer() {
        Customer other = insert(fixtures().customer(TENANT, "Bob"));
        Purchase mine = store(purchase(Channel.POS, "order-1", t0));
        store(fixtures().purchase(TENANT, other.id(), Channel.POS, "order-2", t0));
        assertThat(history(null, 10)).containsExactly(mine);
    }
}
