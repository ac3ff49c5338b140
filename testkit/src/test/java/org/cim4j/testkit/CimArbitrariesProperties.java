package org.cim4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import org.cim4j.TenantId;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.NewCustomer;
import org.cim4j.interaction.NewInteraction;
import org.cim4j.tag.NewTag;

/** The arbitraries produce well-formed records. Edge cases are off: these generators are random by design. */
@PropertyDefaults(edgeCases = EdgeCasesMode.NONE)
class CimArbitrariesProperties {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final TenantId TENANT = TenantId.of("arb");
    private static final CustomerId OWNER = CustomerId.of("01900000-0000-7000-8000-000000000001");

    @Provide
    Arbitrary<String> phones() {
        return CimArbitraries.phones();
    }

    @Provide
    Arbitrary<Customer> customers() {
        return CimArbitraries.customers(TENANT);
    }

    @Provide
    Arbitrary<NewCustomer> newCustomers() {
        return CimArbitraries.newCustomers();
    }

    @Provide
    Arbitrary<Purchase> purchases() {
        return CimArbitraries.purchases(TENANT, OWNER);
    }

    @Provide
    Arbitrary<NewPurchase> newPurchases() {
        return CimArbitraries.newPurchases(OWNER);
    }

    @Provide
    Arbitrary<NewInteraction> newInteractions() {
        return CimArbitraries.newInteractions(OWNER);
    }

    @Provide
    Arbitrary<NewTag> newTags() {
        return CimArbitraries.newTags();
    }

    @Provide
    Arbitrary<AttributeValue> attributeValues() {
        return CimArbitraries.attributeValues();
    }

    @Provide
    Arbitrary<Instant> instants() {
        return CimArbitraries.instants();
    }

    @Property(tries = 200)
    void phones_validE164(@ForAll("phones") String phone) throws NumberParseException {
        var parsed = PHONES.parse(phone, "ZZ");
        assertThat(PHONES.isValidNumber(parsed)).isTrue();
        assertThat(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)).isEqualTo(phone);
    }

    @Property(tries = 100)
    void customers_storedFormIsConsistent(@ForAll("customers") Customer c) {
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.tenant()).isEqualTo(TENANT);
        assertThat(c.createdAt()).isEqualTo(c.createdAt().truncatedTo(ChronoUnit.MICROS));
        assertThat(c.contacts().stream().filter(ContactPoint::primary).map(ContactPoint::type)).doesNotHaveDuplicates();
        c.attributes().forEach((name, value) -> assertThat(value.type()).isEqualTo(CimArbitraries.ATTRIBUTES.get(name)));
        assertThat(c.id().value().version()).isEqualTo(7);
    }

    @Property(tries = 100)
    void newCustomers_haveNameAndValidContacts(@ForAll("newCustomers") NewCustomer c) {
        assertThat(c.displayName()).isNotBlank();
        assertThat(c.contacts().stream().filter(ContactPoint::primary).map(ContactPoint::type)).doesNotHaveDuplicates();
        assertThat(c.contacts()).hasSizeLessThanOrEqualTo(20);
    }

    @Property(tries = 100)
    void purchases_totalIsSumOfLines(@ForAll("purchases") Purchase p) {
        Money sum = p.lines().stream().map(PurchaseLine::total).reduce(Money::plus).orElseThrow();
        assertThat(p.total()).isEqualTo(sum);
        assertThat(p.refunded().isZero()).isTrue();
    }

    @Property(tries = 100)
    void newPurchases_singleCurrencyPositiveQuantities(@ForAll("newPurchases") NewPurchase p) {
        assertThat(p.lines()).isNotEmpty().allMatch(l -> l.quantity() > 0 && l.unitPrice().amount().signum() > 0);
        assertThat(p.lines().stream().map(l -> l.unitPrice().currency()).distinct()).hasSize(1);
        assertThat(p.orderId()).hasSizeLessThanOrEqualTo(64);
    }

    @Property(tries = 100)
    void newInteractions_scoresInRange(@ForAll("newInteractions") NewInteraction i) {
        assertThat(i.customerId()).isEqualTo(OWNER);
        if (i.csat() != null) {
            assertThat(i.csat()).isBetween(1, 5);
        }
        if (i.nps() != null) {
            assertThat(i.nps()).isBetween(0, 10);
        }
    }

    @Property(tries = 100)
    void newTags_nonBlankBoundedNames(@ForAll("newTags") NewTag t) {
        assertThat(t.name()).isNotBlank().hasSizeLessThanOrEqualTo(64);
    }

    @Property(tries = 200)
    void attributeValues_roundTripThroughText(@ForAll("attributeValues") AttributeValue v) {
        assertThat(AttributeValue.parse(v.type(), v.asText())).isEqualTo(v);
        if (v instanceof AttributeValue.Number n) {
            assertThat(n.value()).isEqualTo(n.value().signum() == 0 ? BigDecimal.ZERO : n.value().stripTrailingZeros());
        }
    }

    @Property(tries = 100)
    void instants_microsecondPrecision(@ForAll("instants") Instant at) {
        assertThat(at.getNano() % 1000).isZero();
        assertThat(List.of(at.isBefore(Instant.parse("2026-01-01T00:00:00.000001Z")))).containsExactly(true);
    }
}
