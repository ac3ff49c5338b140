package org.cim4j.jdbc;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cim4j.Channel;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.commerce.PurchaseStatus;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.Gender;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.Person;
import org.cim4j.customer.PostalAddress;
import org.cim4j.interaction.Direction;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionId;
import org.cim4j.interaction.InteractionType;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;
import org.cim4j.tag.TagKind;
import org.cim4j.testkit.MutableClock;

/** Deterministic records for the adapter's own tests: seeded UUIDv7 ids, a mutable clock. */
final class Fixtures {
    static final TenantId TENANT = TenantId.of("t-a");
    static final TenantId OTHER = TenantId.of("t-b");

    final MutableClock clock = MutableClock.startingAtDefault();
    final IdGenerator ids = IdGenerator.seeded(clock, 7);

    Instant tick() {
        return clock.advance(Duration.ofMillis(1_001)).plusNanos(123_000);
    }

    /** A rich customer: every child kind and attribute type. */
    Customer customer(TenantId tenant, String name, String email, String externalId) {
        Instant at = tick();
        return new Customer(CustomerId.of(ids.next()), tenant, 1, CustomerStatus.ACTIVE, null, LifecycleStage.LEAD,
                new Person(name, "Given", null, LocalDate.of(1990, 2, 28), Gender.FEMALE),
                List.of(new ContactPoint(ContactType.EMAIL, email, true, true),
                        new ContactPoint(ContactType.PHONE, "+8613800138000", false, false)),
                List.of(new PostalAddress("home", List.of("1 Main St", "", "line \\ with\nbreak"), "Berlin", null,
                        "10115", "DE", true)),
                Channel.POS, Set.of(ExternalId.parse(externalId)),
                Map.of("score", AttributeValue.of(new BigDecimal("12.50")), "vip", AttributeValue.of(true),
                        "since", AttributeValue.of(LocalDate.of(2020, 1, 1)),
                        "seen", AttributeValue.of(Instant.parse("2025-05-05T10:00:00.123456Z")),
                        "note", AttributeValue.of("hello")),
                Set.of(), at, at);
    }

    Customer plain(TenantId tenant, String name) {
        Instant at = tick();
        return new Customer(CustomerId.of(ids.next()), tenant, 1, CustomerStatus.ACTIVE, null, LifecycleStage.LEAD,
                Person.named(name), List.of(), List.of(), null, Set.of(), Map.of(), Set.of(), at, at);
    }

    Interaction interaction(TenantId tenant, CustomerId customer, InteractionType type, Instant at) {
        return new Interaction(InteractionId.of(ids.next()), tenant, customer, type, Channel.PHONE, Direction.INBOUND,
                at, "subject", "notes", "ok", 4, 9, "agent-1", at);
    }

    Purchase purchase(TenantId tenant, CustomerId customer, String orderId) {
        Instant at = tick();
        List<PurchaseLine> lines = List.of(PurchaseLine.of("sku-1", "shoes", 2, Money.of("19.99", "EUR")),
                PurchaseLine.of("sku-2", null, 1, Money.of("5.00", "EUR")));
        return new Purchase(PurchaseId.of(ids.next()), tenant, customer, orderId, Channel.ESHOP, "store-9", at, lines,
                Money.of("44.98", "EUR"), Money.of("0.00", "EUR"), PurchaseStatus.COMPLETED, 1, at);
    }

    Tag tag(TenantId tenant, String name) {
        return new Tag(TagId.of(ids.next()), tenant, name, "value", null, TagKind.MANUAL, tick());
    }
}
