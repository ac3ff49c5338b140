package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.testkit.contract.ServiceFixtures.customer;
import static org.cim4j.testkit.contract.ServiceFixtures.customerCount;

import java.time.LocalDate;
import java.util.List;
import org.cim4j.Cim4j;
import org.cim4j.ValidationException;
import org.cim4j.Violation;
import org.cim4j.customer.AttributeDefinition;
import org.cim4j.customer.AttributeSchema;
import org.cim4j.customer.AttributeType;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.NewCustomer;
import org.cim4j.customer.PostalAddress;
import org.cim4j.testkit.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Input validation through the services on the adapter under test: every violation is reported at
 * once with its field path, personal rejected values are masked, and nothing is stored.
 */
public abstract class ValidationContract extends AdapterContract {
    private static final AttributeSchema SCHEMA = AttributeSchema.of(
            AttributeDefinition.optional("shoe_size", AttributeType.NUMBER),
            AttributeDefinition.required("member_level", AttributeType.TEXT),
            new AttributeDefinition("nickname", AttributeType.TEXT, false, true),
            AttributeDefinition.optional("vip_since", AttributeType.DATE));

    private Cim4j withSchema() {
        return closeAfterTest(ServiceFixtures.crmWith(provider(), clock(), TENANT, 9001, b -> b.attributeSchema(SCHEMA)));
    }

    @Test
    @DisplayName("every violation is listed with its field path and nothing is stored")
    void create_allViolationsNothingStored() {
        Cim4j crm = crm();
        crm.customers().create(customer(1));
        long before = customerCount(crm);

        NewCustomer bad = NewCustomer.builder()
                .name("x".repeat(201))
                .givenName("g".repeat(101))
                .birthDate(LocalDate.of(2030, 1, 1))
                .email("jane.doe@example")
                .phone("12")
                .contact(ContactType.WECHAT, "   ")
                .build();

        assertThatThrownBy(() -> crm.customers().create(bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("birthDate", "contacts[0].value", "contacts[1].value", "contacts[2].value",
                                "displayName", "givenName"));
        assertThat(customerCount(crm)).isEqualTo(before);
    }

    @Test
    @DisplayName("rejected personal values are masked in violations and in the message")
    void create_maskedRejectedValues() {
        Cim4j crm = crm();
        NewCustomer bad = NewCustomer.builder()
                .name(" ")
                .email("jane.doe@example")
                .phone("+86 138 0013 800099")
                .birthDate(LocalDate.of(2030, 5, 17))
                .build();

        ValidationException e = catchValidation(() -> crm.customers().create(bad));

        assertThat(e.getMessage()).doesNotContain("jane.doe").doesNotContain("0013").doesNotContain("2030");
        assertThat(value(e, "contacts[0].value")).isEqualTo("j***@e***");
        assertThat(value(e, "contacts[1].value")).startsWith("+86").endsWith("99").contains("*");
        assertThat(value(e, "birthDate")).doesNotContain("2030");
    }

    @Test
    @DisplayName("a CJK name that is too long is reported masked")
    void create_longCjkName_masked() {
        Cim4j crm = crm();
        ValidationException e = catchValidation(() -> crm.customers().create(
                NewCustomer.builder().name("王".repeat(201)).build()));

        assertThat(value(e, "displayName")).startsWith("王*").doesNotContain("王王");
    }

    @Test
    @DisplayName("without a default region a phone number must start with +")
    void create_nationalPhoneWithoutRegion_rejected() {
        Cim4j crm = crm();
        ValidationException e = catchValidation(() -> crm.customers().create(
                NewCustomer.builder().name("A").phone("030 901820").build()));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("contacts[0].value");
            assertThat(v.message()).contains("+");
        });
    }

    @Test
    void create_contactRules() {
        Cim4j crm = crm();
        NewCustomer bad = NewCustomer.builder()
                .name("A")
                .contact(ContactPoint.email("a@x.com"))
                .contact(ContactPoint.email("b@x.com"))
                .contact(new ContactPoint(ContactType.EMAIL, " A@X.COM ", false, false))
                .contact(ContactType.LINE, "h".repeat(129))
                .build();

        ValidationException e = catchValidation(() -> crm.customers().create(bad));

        assertThat(e.violations()).extracting(Violation::field)
                .containsExactly("contacts[1].primary", "contacts[2].value", "contacts[3].value");
        assertThat(customerCount(crm)).isZero();
    }

    @Test
    void create_addressRules() {
        Cim4j crm = crm();
        NewCustomer bad = NewCustomer.builder()
                .name("A")
                .address(new PostalAddress("home", List.of("1 Main St"), "Springfield", null, "12345", "XX", true))
                .address(new PostalAddress("work", List.of("Hauptstr. 1"), "Berlin", null, "10115", "de", false))
                .build();

        ValidationException e = catchValidation(() -> crm.customers().create(bad));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("addresses[0].countryCode");
        Customer ok = crm.customers().create(NewCustomer.builder().name("B")
                .address(new PostalAddress("work", List.of("Hauptstr. 1"), "Berlin", null, "10115", "de", false))
                .build());
        assertThat(ok.addresses().get(0).countryCode()).isEqualTo("DE");
    }

    @Test
    @DisplayName("custom attributes are checked against the schema: unknown, wrong type, required, length")
    void create_attributeRules() {
        Cim4j crm = withSchema();
        NewCustomer bad = NewCustomer.builder()
                .name("A")
                .attribute("shoe_size", "forty-two")
                .attribute("favourite_colour", "blue")
                .attribute("nickname", "n".repeat(1001))
                .build();

        ValidationException e = catchValidation(() -> crm.customers().create(bad));

        assertThat(e.violations()).extracting(Violation::field).containsExactly(
                "attributes[favourite_colour]", "attributes[member_level]", "attributes[nickname]",
                "attributes[shoe_size]");
        assertThat(value(e, "attributes[nickname]")).isEqualTo("n***");
        assertThat(value(e, "attributes[shoe_size]")).isEqualTo("forty-two");
        Customer ok = crm.customers().create(NewCustomer.builder().name("B").attribute("member_level", "gold")
                .attribute("shoe_size", 42).attribute("vip_since", AttributeValue.of(LocalDate.of(2024, 3, 1)))
                .build());
        assertThat(ok.attribute("shoe_size")).contains(AttributeValue.of(42));
    }

    @Test
    void query_attributeCriteriaMustMatchTheSchema() {
        Cim4j crm = withSchema();
        CustomerQuery unknown = CustomerQuery.builder().attributeEquals("colour", AttributeValue.of("blue")).build();
        CustomerQuery wrongType = CustomerQuery.builder()
                .attributeBetween("shoe_size", AttributeValue.of("40"), AttributeValue.of("44")).build();

        assertThat(catchValidation(() -> crm.customers().count(unknown)).violations())
                .extracting(Violation::field).containsExactly("criteria[0].name");
        assertThat(catchValidation(() -> crm.customers().find(wrongType, org.cim4j.PageRequest.first())).violations())
                .extracting(Violation::field).containsExactly("criteria[0].value");
        assertThat(crm.customers().count(CustomerQuery.builder()
                .attributeBetween("shoe_size", AttributeValue.of(40), AttributeValue.of(44)).build())).isZero();
    }

    @Test
    void findByContact_invalidValue_rejected() {
        Cim4j crm = crm();
        ValidationException e = catchValidation(() -> crm.customers().findByContact(ContactType.PHONE, "not a phone"));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("value");
    }

    @Test
    @DisplayName("an invalid update changes nothing")
    void update_invalid_nothingChanged() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));

        assertThatThrownBy(() -> crm.customers().update(c.withContacts(List.of(ContactPoint.email("broken")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("contacts[0].value"));
        assertThat(crm.customers().get(c.id())).isEqualTo(c);
    }

    @Test
    void update_normalisesLikeCreate() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));

        Customer updated = crm.customers().update(c.withContacts(List.of(ContactPoint.email(" NEW@Example.com "),
                ContactPoint.phone("+33 1 42 68 53 00"))));

        assertThat(updated.primaryEmail()).contains("new@example.com");
        assertThat(updated.primaryPhone()).contains("+33142685300");
        assertThat(updated.updatedAt()).isEqualTo(MutableClock.DEFAULT_START);
    }

    private static ValidationException catchValidation(Runnable call) {
        try {
            call.run();
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected a ValidationException");
    }

    private static String value(ValidationException e, String field) {
        return e.violations().stream().filter(v -> v.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no violation for " + field + " in " + e.violations()))
                .rejectedValue();
    }
}
