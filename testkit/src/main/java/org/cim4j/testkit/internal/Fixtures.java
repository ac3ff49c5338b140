package org.cim4j.testkit.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.jspecify.annotations.Nullable;

/**
 * Builds storage-level domain records by hand for the contract tests: what the engine would hand an
 * adapter, already validated and normalised. Ids come from a seeded generator and times from the
 * test's clock (truncated to microseconds), so every run builds the same records. Not API.
 */
public final class Fixtures {
    private final Clock clock;
    private final IdGenerator ids;

    public Fixtures(Clock clock, long seed) {
        this.clock = clock;
        this.ids = IdGenerator.seeded(clock, seed);
    }

    /** The clock's instant truncated to microseconds, as the engine stores it. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public CustomerId customerId() {
        return CustomerId.of(ids.next());
    }

    public TagId tagId() {
        return TagId.of(ids.next());
    }

    public InteractionId interactionId() {
        return InteractionId.of(ids.next());
    }

    public PurchaseId purchaseId() {
        return PurchaseId.of(ids.next());
    }

    /** An active LEAD customer named {@code name}, version 1, no contacts, created now. */
    public Customer customer(TenantId tenant, String name) {
        Instant now = now();
        return new Customer(customerId(), tenant, 1, CustomerStatus.ACTIVE, null, LifecycleStage.LEAD,
                Person.named(name), List.of(), List.of(), null, Set.of(), Map.of(), Set.of(), now, now);
    }

    /** A customer with every field set: CJK name, all attribute types, contacts, addresses, ids, tags, µs times. */
    public Customer fullCustomer(TenantId tenant, Set<TagId> tags) {
        Instant created = now().plusNanos(123_456_000L);
        Instant updated = created.plusNanos(1_000L);
        return new Customer(customerId(), tenant, 1, CustomerStatus.ACTIVE, null, LifecycleStage.ACTIVE,
                new Person("王小明", "小明", "王", LocalDate.of(1988, 2, 29), Gender.MALE),
                List.of(new ContactPoint(ContactType.EMAIL, "xm.wang@example.com", true, true),
                        new ContactPoint(ContactType.EMAIL, "wang@example.cn", false, false),
                        new ContactPoint(ContactType.PHONE, "+8613812345678", true, false),
                        new ContactPoint(ContactType.WECHAT, "wxid_xm88", true, true)),
                List.of(new PostalAddress("home", List.of("朝阳区建国路88号", "3单元 1201室"), "北京", "北京市", "100022", "CN", true),
                        new PostalAddress("billing", List.of("Hauptstraße 5"), "München", "Bayern", "80331", "DE", false)),
                Channel.POS,
                Set.of(ExternalId.of("pos:member", "88231"), ExternalId.of("shop:user", "u-42")),
                Map.of("shoe_size", AttributeValue.of(new BigDecimal("42.5")),
                        "credit_limit", AttributeValue.of(new BigDecimal("1234.50")),
                        "nickname", AttributeValue.of("小王 \"Ming\""),
                        "newsletter", AttributeValue.of(true),
                        "member_since", AttributeValue.of(LocalDate.of(2020, 1, 31)),
                        "last_login", AttributeValue.of(Instant.parse("2025-12-31T23:59:59.999999Z"))),
                tags, created, updated);
    }

    public static Customer withContacts(Customer c, ContactPoint... contacts) {
        return c.withContacts(List.of(contacts));
    }

    public static Customer withExternalId(Customer c, String system, String value) {
        return c.withExternalIds(Set.of(ExternalId.of(system, value)));
    }

    /** Copy of {@code c} with another creation time (and updatedAt equal to it). */
    public static Customer createdAt(Customer c, Instant at) {
        return new Customer(c.id(), c.tenant(), c.version(), c.status(), c.mergedInto(), c.stage(), c.person(),
                c.contacts(), c.addresses(), c.sourceChannel(), c.externalIds(), c.attributes(), c.tags(), at, at);
    }

    /** Copy of {@code c} with another tenant. */
    public static Customer inTenant(Customer c, TenantId tenant) {
        return new Customer(c.id(), tenant, c.version(), c.status(), c.mergedInto(), c.stage(), c.person(),
                c.contacts(), c.addresses(), c.sourceChannel(), c.externalIds(), c.attributes(), c.tags(),
                c.createdAt(), c.updatedAt());
    }

    /** The next version of {@code c}: version + 1, same status, updatedAt now. */
    public Customer next(Customer c) {
        return c.withBookkeeping(c.version() + 1, c.status(), c.mergedInto(), now());
    }

    /** The next version of {@code c} in another status ({@code mergedInto} set for MERGED). */
    public Customer next(Customer c, CustomerStatus status, @Nullable CustomerId mergedInto) {
        return c.withBookkeeping(c.version() + 1, status, mergedInto, now());
    }

    public Tag tag(TenantId tenant, String name) {
        return new Tag(tagId(), tenant, name, "value", "tag " + name, TagKind.MANUAL, now());
    }

    public Interaction interaction(TenantId tenant, CustomerId customer, InteractionType type, Instant at) {
        return new Interaction(interactionId(), tenant, customer, type, Channel.PHONE, Direction.INBOUND, at,
                "订单咨询 order question", "notes ✓", "resolved", 4, 9, "agent-7", now());
    }

    public static PurchaseLine line(String sku, int quantity, String unitPrice, String currency) {
        return PurchaseLine.of(sku, "category-" + sku.charAt(0), quantity, Money.of(unitPrice, currency));
    }

    public Purchase purchase(TenantId tenant, CustomerId customer, Channel channel, String orderId, Instant at) {
        List<PurchaseLine> lines = List.of(line("SKU-1", 2, "19.90", "CNY"), line("SKU-2", 1, "5.05", "CNY"));
        Money total = lines.stream().map(PurchaseLine::total).reduce(Money.of("0", "CNY"), Money::plus);
        return new Purchase(purchaseId(), tenant, customer, orderId, channel, "store-1", at, lines, total,
                Money.of("0", "CNY"), PurchaseStatus.COMPLETED, 1, now());
    }
}
