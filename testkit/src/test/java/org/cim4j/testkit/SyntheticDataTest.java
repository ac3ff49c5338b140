package org.cim4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.NewCustomer;
import org.cim4j.interaction.NewInteraction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SyntheticDataTest {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static List<CustomerId> ids(int n) {
        java.util.Random r = new java.util.Random(7);
        return IntStream.range(0, n).mapToObj(i -> CustomerId.of(new UUID(0x0190_0000_0000_7000L + i, r.nextLong() | Long.MIN_VALUE)))
                .toList();
    }

    @Test
    @DisplayName("the same seed produces the same customers, purchases and interactions")
    void sameSeed_sameData() {
        SyntheticData a = new SyntheticData(42);
        SyntheticData b = new SyntheticData(42);
        assertThat(a.customers(200)).isEqualTo(b.customers(200));
        for (CustomerId id : ids(50)) {
            assertThat(a.purchases(id).toList()).isEqualTo(b.purchases(id).toList());
            assertThat(a.interactions(id).toList()).isEqualTo(b.interactions(id).toList());
        }
    }

    @Test
    void differentSeed_differentData() {
        assertThat(new SyntheticData(1).customers(20)).isNotEqualTo(new SyntheticData(2).customers(20));
    }

    @Test
    @DisplayName("per-customer activity does not depend on call order")
    void purchases_independentOfCallOrder() {
        SyntheticData a = new SyntheticData(9);
        SyntheticData b = new SyntheticData(9);
        List<CustomerId> ids = ids(20);
        List<List<NewPurchase>> forward = ids.stream().map(id -> a.purchases(id).toList()).toList();
        List<List<NewPurchase>> backward = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0; i--) {
            backward.add(0, b.purchases(ids.get(i)).toList());
        }
        assertThat(forward).isEqualTo(backward);
    }

    @Test
    @DisplayName("every phone is a valid number of its country in E.164")
    void phones_validE164() throws NumberParseException {
        List<NewCustomer> customers = new SyntheticData(3).customers(2000);
        Set<String> regions = new java.util.HashSet<>();
        int phones = 0;
        for (NewCustomer c : customers) {
            for (ContactPoint p : c.contacts()) {
                if (p.type().equals(ContactType.PHONE)) {
                    PhoneNumber parsed = PHONES.parse(p.value(), "ZZ");
                    assertThat(PHONES.isValidNumber(parsed)).as("valid phone of %s", PHONES.getRegionCodeForNumber(parsed)).isTrue();
                    assertThat(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)).isEqualTo(p.value());
                    regions.add(PHONES.getRegionCodeForNumber(parsed));
                    phones++;
                }
            }
        }
        assertThat(regions).containsExactlyInAnyOrder("CN", "DE", "US", "GB");
        assertThat(phones).isGreaterThan(1500);
    }

    @Test
    @DisplayName("customers have a name, a unique lower-case e-mail, unique phones and at most one primary per contact type")
    void customers_wellFormed() {
        List<NewCustomer> customers = new SyntheticData(5).customers(3000);
        List<String> emails = customers.stream().flatMap(c -> c.contacts().stream())
                .filter(p -> p.type().equals(ContactType.EMAIL)).map(ContactPoint::value).toList();
        assertThat(emails).hasSize(3000).doesNotHaveDuplicates().allMatch(e -> e.equals(e.toLowerCase(java.util.Locale.ROOT))
                && e.matches("[a-z0-9.]+@[a-z0-9.]+"));
        List<String> phones = customers.stream().flatMap(c -> c.contacts().stream())
                .filter(p -> p.type().equals(ContactType.PHONE)).map(ContactPoint::value).toList();
        assertThat(phones).doesNotHaveDuplicates();
        for (NewCustomer c : customers) {
            assertThat(c.displayName()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(c.contacts().stream().filter(ContactPoint::primary).map(ContactPoint::type)).doesNotHaveDuplicates();
        }
        long chinese = customers.stream().filter(c -> c.displayName().codePoints().anyMatch(cp ->
                Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)).count();
        assertThat(chinese).isBetween(1200L, 1500L); // 45% CN
    }

    @Test
    @DisplayName("purchases are skewed: many one-time buyers, a few heavy buyers holding most orders")
    void purchases_paretoSkew() {
        SyntheticData data = new SyntheticData(11);
        List<Integer> counts = ids(5000).stream().map(data::purchaseCount).sorted(Comparator.reverseOrder()).toList();
        long total = counts.stream().mapToLong(Integer::longValue).sum();
        long never = counts.stream().filter(c -> c == 0).count();
        long once = counts.stream().filter(c -> c == 1).count();
        long buyers = counts.size() - never;
        long topFifth = counts.stream().limit(buyers / 5).mapToLong(Integer::longValue).sum();
        assertThat(never).isBetween(1300L, 1700L);           // ~30 % never buy
        assertThat(once).isGreaterThan(buyers * 4 / 10);      // most buyers buy once
        assertThat(counts.get(0)).isGreaterThanOrEqualTo(50); // a heavy buyer exists
        assertThat((double) topFifth / total).isGreaterThan(0.5);
    }

    @Test
    @DisplayName("purchases and interactions fall in the window, oldest first, with consistent money and unique order ids")
    void activity_wellFormed() {
        SyntheticData data = new SyntheticData(13);
        Set<String> orders = new java.util.HashSet<>();
        for (CustomerId id : ids(300)) {
            List<NewPurchase> purchases = data.purchases(id).toList();
            assertThat(purchases).hasSize(data.purchaseCount(id));
            assertThat(purchases).extracting(NewPurchase::occurredAt).isSorted()
                    .allMatch(t -> !t.isBefore(SyntheticData.DEFAULT_FROM) && t.isBefore(SyntheticData.DEFAULT_TO));
            for (NewPurchase p : purchases) {
                assertThat(orders.add(p.channel() + "/" + p.orderId())).isTrue();
                assertThat(p.lines()).isNotEmpty();
                assertThat(p.lines().stream().map(l -> l.unitPrice().currency()).collect(Collectors.toSet())).hasSize(1);
                assertThat(p.lines()).allMatch(l -> l.quantity() > 0 && !l.unitPrice().isNegative());
                assertThat(p.lines().stream().map(PurchaseLine::sku)).doesNotHaveDuplicates();
            }
            List<NewInteraction> interactions = data.interactions(id).toList();
            assertThat(interactions).extracting(NewInteraction::occurredAt).isSorted();
            assertThat(interactions).allMatch(i -> (i.csat() == null || (i.csat() >= 1 && i.csat() <= 5))
                    && (i.nps() == null || (i.nps() >= 0 && i.nps() <= 10)));
        }
    }
}
