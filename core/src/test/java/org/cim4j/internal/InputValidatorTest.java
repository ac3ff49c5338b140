package org.cim4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cim4j.ValidationException;
import org.cim4j.Violation;
import org.cim4j.customer.AttributeDefinition;
import org.cim4j.customer.AttributeSchema;
import org.cim4j.customer.AttributeType;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.NewCustomer;
import org.cim4j.customer.PostalAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InputValidatorTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static InputValidator validator;

    @BeforeAll
    static void open() {
        validator = new InputValidator(new Normalizer("DE"),
                AttributeSchema.of(new AttributeDefinition("nickname", AttributeType.TEXT, false, true),
                        AttributeDefinition.optional("at", AttributeType.TIMESTAMP)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        validator.close();
    }

    @Test
    void validInput_isNormalised() {
        List<Violation> out = new ArrayList<>();
        NewCustomer n = validator.customer(NewCustomer.builder()
                .name(" Zoe\u0301 ")
                .email(" Z@Example.COM")
                .phone("030 901820")
                .address(new PostalAddress("home", List.of(" Hauptstr. 1 "), " Berlin ", null, "10115", " de ", true))
                .attribute("at", AttributeValue.of(Instant.parse("2025-01-01T00:00:00.123456789Z")))
                .build(), "", out);

        assertThat(out).isEmpty();
        assertThat(n.displayName()).isEqualTo("Zo\u00e9");
        assertThat(n.contacts()).extracting(ContactPoint::value).containsExactly("z@example.com", "+4930901820");
        assertThat(n.addresses().get(0).countryCode()).isEqualTo("DE");
        assertThat(n.addresses().get(0).city()).isEqualTo("Berlin");
        assertThat(n.attributes().get("at")).isEqualTo(AttributeValue.of(Instant.parse("2025-01-01T00:00:00.123456Z")));
    }

    @Test
    void paths_nameTheElementAndField() {
        List<Violation> out = new ArrayList<>();
        validator.customer(NewCustomer.builder()
                .name("Jane")
                .email("jane@example.com")
                .email("jane@@example.com")
                .build(), "", out);

        assertThat(out).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("contacts[1].value");
            assertThat(v.rejectedValue()).isEqualTo("j***@e***.com");
        });
    }

    @Test
    void nullElements_reportedWithIndex() {
        List<Violation> out = new ArrayList<>();
        List<ContactPoint> contacts = new ArrayList<>(Collections.nCopies(2, null));
        contacts.set(0, ContactPoint.email("a@b.com"));
        validator.customer(new NewCustomer("A", null, null, null, null, org.cim4j.customer.LifecycleStage.LEAD, null,
                contacts, List.of(), java.util.Set.of(), java.util.Map.of(), java.util.Set.of()), "[3].", out);

        assertThat(out).extracting(Violation::field).containsExactly("[3].contacts[1]");
    }

    @Test
    void personalValues_masked() {
        List<Violation> out = new ArrayList<>();
        validator.customer(NewCustomer.builder()
                .name("王".repeat(201))
                .birthDate(LocalDate.of(2030, 2, 3))
                .phone("+49 1")
                .contact(ContactType.WECHAT, "w".repeat(200))
                .attribute("nickname", AttributeValue.of(5))
                .build(), "", out);

        assertThat(out).extracting(Violation::field)
                .containsExactlyInAnyOrder("displayName", "birthDate", "contacts[0].value", "contacts[1].value",
                        "attributes[nickname]");
        for (Violation v : out) {
            assertThat(v.rejectedValue()).contains("*").doesNotContain("王王").doesNotContain("2030").doesNotContain("ww");
        }
    }

    @Test
    void throwIfAny_sortsNaturallyAndListsAll() {
        List<Violation> out = List.of(new Violation("[10].displayName", "m", null),
                new Violation("[2].displayName", "m", null), new Violation("[2].contacts[0].value", "m", null));

        assertThatThrownBy(() -> InputValidator.throwIfAny("customers", out))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("[2].contacts[0].value", "[2].displayName", "[10].displayName"));
        InputValidator.throwIfAny("nothing", List.of());
    }

    @Test
    void interaction_inFuture_rejected() {
        List<Violation> out = new ArrayList<>();
        validator.interaction(org.cim4j.interaction.NewInteraction.builder(
                org.cim4j.customer.CustomerId.of("00000000-0000-7000-8000-000000000001"),
                org.cim4j.interaction.InteractionType.CALL).occurredAt(NOW.plusSeconds(86_401)).notes("n".repeat(10_001))
                .build(), "", NOW, out);

        assertThat(out).extracting(Violation::field).containsExactlyInAnyOrder("occurredAt", "notes");
        assertThat(out).filteredOn(v -> v.field().equals("notes")).singleElement()
                .satisfies(v -> assertThat(v.rejectedValue()).isEqualTo("n***"));
    }

    @Test
    void naturalCompare_ordersNumbersByValue() {
        assertThat(InputValidator.naturalCompare("a[2]", "a[10]")).isNegative();
        assertThat(InputValidator.naturalCompare("a[10]", "a[10]")).isZero();
        assertThat(InputValidator.naturalCompare("b", "a[1]")).isPositive();
    }
}
