package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.testkit.contract.ServiceFixtures.customer;
import static org.cim4j.testkit.contract.ServiceFixtures.purchase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cim4j.Channel;
import org.cim4j.Cim4j;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.ValidationException;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.commerce.PurchaseStatus;
import org.cim4j.commerce.PurchaseSummary;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.testkit.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Purchase service behaviour on the adapter under test: totals computed from lines, one order per
 * channel, serialised refunds that never exceed the total, newest-first history, per-currency
 * summaries, and tenant isolation.
 */
public abstract class PurchaseServiceContract extends AdapterContract {

    @Test
    void record_computesTotalFromLines() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));

        Purchase p = crm.purchases().record(new NewPurchase(c.id(), "R-1", Channel.POS, "store-9",
                MutableClock.DEFAULT_START.minus(Duration.ofHours(1)), List.of(
                        PurchaseLine.of("SHOE-42", "shoes", 1, Money.of("699.00", "CNY")),
                        PurchaseLine.of("SOCK-3P", "accessories", 2, Money.of("39.90", "CNY")))));

        assertThat(p.total()).isEqualTo(Money.of("778.80", "CNY"));
        assertThat(p.refunded()).isEqualTo(Money.of("0", "CNY"));
        assertThat(p.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(p.version()).isEqualTo(1);
        assertThat(crm.purchases().get(p.id())).isEqualTo(p);
        assertThat(crm.purchases().findByOrder(Channel.POS, "R-1")).contains(p);
    }

    @Test
    void record_sameOrderTwice_duplicateNamingTheExistingPurchase() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Purchase first = crm.purchases().record(purchase(c.id(), "W-77", "10.00", "EUR", 1));

        assertThatThrownBy(() -> crm.purchases().record(purchase(c.id(), "W-77", "99.00", "EUR", 1)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> {
                    assertThat(e.key()).isEqualTo("orderId");
                    assertThat(e.existingId()).contains(first.id().toString());
                });
        // the same order id in another channel is another order
        assertThat(crm.purchases().record(new NewPurchase(c.id(), "W-77", Channel.POS, null, null,
                List.of(PurchaseLine.of("A", null, 1, Money.of("1.00", "EUR")))))).isNotNull();
    }

    @Test
    void record_mixedCurrencies_rejectedNothingStored() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));

        assertThatThrownBy(() -> crm.purchases().record(new NewPurchase(c.id(), "M-1", Channel.ESHOP, null, null,
                List.of(PurchaseLine.of("A", null, 1, Money.of("1.00", "EUR")),
                        PurchaseLine.of("B", null, 1, Money.of("1.00", "USD"))))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("lines[1].unitPrice"));
        assertThat(crm.purchases().findByOrder(Channel.ESHOP, "M-1")).isEmpty();
    }

    @Test
    void record_invalidInput_everyViolation() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));

        assertThatThrownBy(() -> crm.purchases().record(new NewPurchase(c.id(), " ", Channel.ESHOP, null, null,
                List.of(new PurchaseLine("", null, 0, Money.of("1.00", "EUR"))))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("lines[0].quantity", "lines[0].sku", "orderId"));
        assertThatThrownBy(() -> crm.purchases().record(new NewPurchase(c.id(), "E-1", Channel.ESHOP, null, null,
                List.of()))).isInstanceOf(ValidationException.class);
    }

    @Test
    void record_inactiveOrUnknownCustomer_notFound() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        crm.customers().delete(c.id());

        assertThatThrownBy(() -> crm.purchases().record(purchase(c.id(), "X-1", "1.00", "EUR", 1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.purchases().record(purchase(CustomerId.of("00000000-0000-7000-8000-0000000000aa"),
                "X-2", "1.00", "EUR", 1))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refund_partialThenFull() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Purchase p = crm.purchases().record(purchase(c.id(), "R-1", "25.00", "EUR", 4));

        Purchase partly = crm.purchases().refund(p.id(), Money.of("30.00", "EUR"));
        Purchase fully = crm.purchases().refund(p.id(), Money.of("70.00", "EUR"));

        assertThat(partly.status()).isEqualTo(PurchaseStatus.PARTIALLY_REFUNDED);
        assertThat(partly.version()).isEqualTo(2);
        assertThat(fully.status()).isEqualTo(PurchaseStatus.REFUNDED);
        assertThat(fully.net()).isEqualTo(Money.of("0", "EUR"));
        assertThat(crm.purchases().get(p.id())).isEqualTo(fully);
    }

    @Test
    void refund_invalidAmounts_rejectedNothingChanged() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Purchase p = crm.purchases().record(purchase(c.id(), "R-1", "10.00", "EUR", 1));
        crm.purchases().refund(p.id(), Money.of("4.00", "EUR"));

        assertThatThrownBy(() -> crm.purchases().refund(p.id(), Money.of("6.01", "EUR")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> crm.purchases().refund(p.id(), Money.of("1.00", "USD")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.purchases().refund(p.id(), Money.of("0", "EUR")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.purchases().refund(p.id(), Money.of("-1.00", "EUR")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.purchases().refund(PurchaseId.of("00000000-0000-7000-8000-0000000000ab"),
                Money.of("1.00", "EUR"))).isInstanceOf(NotFoundException.class);
        assertThat(crm.purchases().get(p.id()).refunded()).isEqualTo(Money.of("4.00", "EUR"));
    }

    @Test
    @DisplayName("concurrent refunds are serialised and their sum never exceeds the total")
    void refund_concurrent_neverExceedsTotal() throws Exception {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Purchase p = crm.purchases().record(purchase(c.id(), "R-1", "100.00", "EUR", 1));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        crm.purchases().refund(p.id(), Money.of("20.00", "EUR"));
                        return true;
                    } catch (ValidationException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> f : results) {
                if (f.get(30, TimeUnit.SECONDS)) {
                    succeeded++;
                }
            }
            assertThat(succeeded).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        Purchase after = crm.purchases().get(p.id());
        assertThat(after.refunded()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(after.status()).isEqualTo(PurchaseStatus.REFUNDED);
        assertThat(after.version()).isEqualTo(6);
    }

    @Test
    @DisplayName("history is newest first and pages every purchase exactly once")
    void history_newestFirstExactlyOnce() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Customer other = crm.customers().create(customer(2));
        List<PurchaseId> expectedNewestFirst = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Instant at = MutableClock.DEFAULT_START.minus(Duration.ofDays(30 - i));
            expectedNewestFirst.add(0, crm.purchases().record(new NewPurchase(c.id(), "O-" + i, Channel.ESHOP, null,
                    at, List.of(PurchaseLine.of("A", null, 1, Money.of("5.00", "EUR"))))).id());
        }
        crm.purchases().record(purchase(other.id(), "O-X", "1.00", "EUR", 1));

        List<PurchaseId> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (true) {
            Page<Purchase> page = crm.purchases().history(c.id(), request);
            page.items().forEach(p -> seen.add(p.id()));
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page).orElseThrow();
        }
        assertThat(seen).containsExactlyElementsOf(expectedNewestFirst);
    }

    @Test
    void summary_perCurrency() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Instant first = MutableClock.DEFAULT_START.minus(Duration.ofDays(5));
        crm.purchases().record(new NewPurchase(c.id(), "A", Channel.POS, null, first,
                List.of(PurchaseLine.of("X", null, 2, Money.of("10.00", "EUR")))));
        Purchase second = crm.purchases().record(new NewPurchase(c.id(), "B", Channel.POS, null, null,
                List.of(PurchaseLine.of("Y", null, 1, Money.of("5.50", "EUR")))));
        crm.purchases().record(new NewPurchase(c.id(), "C", Channel.ESHOP, null, first.plusSeconds(60),
                List.of(PurchaseLine.of("Z", null, 3, Money.of("1000", "JPY")))));
        crm.purchases().refund(second.id(), Money.of("1.50", "EUR"));

        PurchaseSummary s = crm.purchases().summary(c.id());

        assertThat(s.orders()).isEqualTo(3);
        assertThat(s.gross()).containsEntry(Currency.getInstance("EUR"), Money.of("25.50", "EUR"))
                .containsEntry(Currency.getInstance("JPY"), Money.of("3000", "JPY"));
        assertThat(s.net(Currency.getInstance("EUR"))).isEqualTo(Money.of("24.00", "EUR"));
        assertThat(s.first()).isEqualTo(first);
        assertThat(s.lastPurchase()).contains(MutableClock.DEFAULT_START);
        assertThat(crm.purchases().summary(crm.customers().create(customer(2)).id()).orders()).isZero();
    }

    @Test
    @DisplayName("another tenant cannot record for, read or refund the tenant's purchases")
    void tenantIsolation() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Purchase p = crm.purchases().record(purchase(c.id(), "R-1", "10.00", "EUR", 1));
        Cim4j other = crm(OTHER_TENANT);

        assertThat(other.purchases().find(p.id())).isEmpty();
        assertThat(other.purchases().findByOrder(Channel.ESHOP, "R-1")).isEmpty();
        assertThatThrownBy(() -> other.purchases().refund(p.id(), Money.of("1.00", "EUR")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.purchases().record(purchase(c.id(), "R-2", "1.00", "EUR", 1)))
                .isInstanceOf(NotFoundException.class);
        assertThat(other.purchases().history(c.id(), PageRequest.first()).items()).isEmpty();
        assertThat(other.purchases().summary(c.id()).orders()).isZero();
        assertThat(crm.purchases().get(p.id()).refunded().isZero()).isTrue();
    }
}
