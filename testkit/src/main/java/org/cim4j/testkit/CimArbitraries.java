package org.cim4j.testkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cim4j.Channel;
import org.cim4j.TenantId;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.commerce.PurchaseStatus;
import org.cim4j.customer.AttributeType;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.Gender;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.NewCustomer;
import org.cim4j.customer.Person;
import org.cim4j.customer.PostalAddress;
import org.cim4j.interaction.Direction;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionId;
import org.cim4j.interaction.InteractionType;
import org.cim4j.interaction.NewInteraction;
import org.cim4j.tag.NewTag;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;
import org.cim4j.tag.TagKind;
import org.cim4j.testkit.internal.Pools;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for every cim4j domain type, for property tests of adapters and of host code.
 * Names come from Chinese and Western pools, phones are valid E.164 numbers for CN, DE, US and GB,
 * instants have microsecond precision (what adapters must keep), and ids are UUIDv7-shaped.
 *
 * <p>Stored-form arbitraries ({@link #customers(TenantId)}, {@link #interactions}, {@link #purchases},
 * {@link #tags}) produce records as the engine hands them to a store: normalised, version 1,
 * consistent primary flags. Input-form arbitraries ({@link #newCustomers()} …) produce valid service input.
 */
public final class CimArbitraries {
    /** Custom attribute names with a fixed type each, so range queries always compare like with like. */
    public static final Map<String, AttributeType> ATTRIBUTES = Map.of("score", AttributeType.NUMBER,
            "nickname", AttributeType.TEXT, "vip", AttributeType.BOOLEAN, "since", AttributeType.DATE,
            "last_seen", AttributeType.TIMESTAMP);

    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");
    private static final String TEXT_CHARS = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 -'\"äöüßéñ王李小明贵宾";

    private CimArbitraries() {
    }

    // ---- ids and scalars -----------------------------------------------------------------------

    public static Arbitrary<CustomerId> customerIds() {
        return Arbitraries.randomValue(r -> CustomerId.of(Pools.uuidV7(FROM.toEpochMilli() + r.nextInt(1 << 30), r)));
    }

    public static Arbitrary<TagId> tagIds() {
        return Arbitraries.randomValue(r -> TagId.of(Pools.uuidV7(FROM.toEpochMilli() + r.nextInt(1 << 30), r)));
    }

    public static Arbitrary<InteractionId> interactionIds() {
        return Arbitraries.randomValue(r -> InteractionId.of(Pools.uuidV7(FROM.toEpochMilli() + r.nextInt(1 << 30), r)));
    }

    public static Arbitrary<PurchaseId> purchaseIds() {
        return Arbitraries.randomValue(r -> PurchaseId.of(Pools.uuidV7(FROM.toEpochMilli() + r.nextInt(1 << 30), r)));
    }

    /** Tenant ids of 1–64 allowed characters. */
    public static Arbitrary<TenantId> tenantIds() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("._-")
                .ofMinLength(1).ofMaxLength(64).map(TenantId::of);
    }

    /** Instants between 2020 and 2026 with microsecond precision. */
    public static Arbitrary<Instant> instants() {
        long span = ChronoUnit.MICROS.between(FROM, TO);
        return Arbitraries.longs().between(0, span).map(us -> FROM.plus(us, ChronoUnit.MICROS));
    }

    public static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 80).map(d -> LocalDate.of(1940, 1, 1).plusDays(d));
    }

    /** Text with ASCII, Latin-1, CJK, quotes and spaces (BMP only, so UTF-16 and code point order agree). */
    public static Arbitrary<String> texts(int maxLength) {
        return Arbitraries.strings().withChars(TEXT_CHARS.toCharArray()).ofMinLength(1).ofMaxLength(maxLength);
    }

    public static Arbitrary<Channel> channels() {
        return Arbitraries.of(Channel.POS, Channel.ESHOP, Channel.APP, Channel.PHONE, Channel.EMAIL, Channel.CHAT,
                Channel.STORE, Channel.SERVICE_DESK);
    }

    // ---- customer parts --------------------------------------------------------------------------

    public static Arbitrary<String> countries() {
        return Arbitraries.of(Pools.COUNTRIES);
    }

    /** Display names, half Chinese (e.g. 王小明), half Western (e.g. Jürgen Müller). */
    public static Arbitrary<String> displayNames() {
        return Arbitraries.randomValue(r -> r.nextBoolean() ? Pools.chineseName(r) : Pools.westernName(r))
                .map(Pools.Name::display);
    }

    /** Normalised (lower-case) e-mail addresses. */
    public static Arbitrary<String> emails() {
        return Arbitraries.randomValue(r -> {
            String country = Pools.COUNTRIES.get(r.nextInt(Pools.COUNTRIES.size()));
            return Pools.email(Pools.name(country, r), country, r.nextInt(100_000), r);
        });
    }

    /** Phone numbers valid in CN, DE, US or GB, in E.164. */
    public static Arbitrary<String> phones() {
        return countries().flatMap(c -> Arbitraries.randomValue(r -> Pools.phone(c, r)));
    }

    public static Arbitrary<String> phones(String country) {
        return Arbitraries.randomValue(r -> Pools.phone(country, r));
    }

    /** One contact point: an e-mail, phone or WeChat handle, primary or not, verified or not. */
    public static Arbitrary<ContactPoint> contactPoints() {
        Arbitrary<ContactPoint> email = emails().map(ContactPoint::email);
        Arbitrary<ContactPoint> phone = phones().map(ContactPoint::phone);
        Arbitrary<ContactPoint> wechat = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .ofMinLength(6).ofMaxLength(20).map(s -> ContactPoint.of(ContactType.WECHAT, "wxid_" + s));
        return Combinators.combine(Arbitraries.oneOf(email, phone, wechat), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as((c, primary, verified) -> c.withPrimary(primary).withVerified(verified));
    }

    /** Up to five contacts with at most one primary per type (the first of each type). */
    public static Arbitrary<List<ContactPoint>> contactLists() {
        return contactPoints().list().ofMaxSize(5).map(CimArbitraries::onePrimaryPerType);
    }

    static List<ContactPoint> onePrimaryPerType(List<ContactPoint> in) {
        List<ContactPoint> out = new ArrayList<>();
        for (ContactPoint c : in) {
            boolean sameValue = out.stream().anyMatch(o -> o.type().equals(c.type()) && o.value().equals(c.value()));
            if (sameValue) {
                continue;
            }
            boolean first = out.stream().noneMatch(o -> o.type().equals(c.type()));
            out.add(c.withPrimary(first));
        }
        return out;
    }

    public static Arbitrary<PostalAddress> postalAddresses() {
        return countries().flatMap(c -> Arbitraries.randomValue(r -> Pools.address(c, r.nextBoolean() ? "home" : "billing",
                r.nextBoolean(), r)));
    }

    public static Arbitrary<ExternalId> externalIds() {
        return Combinators.combine(Arbitraries.of("pos:member", "shop:user", "erp", "wechat.openid"),
                Arbitraries.strings().withCharRange('0', '9').withCharRange('a', 'f').ofMinLength(1).ofMaxLength(24))
                .as(ExternalId::of);
    }

    /** Values of any type; numbers with scales 0–4 (stored normalised). */
    public static Arbitrary<AttributeValue> attributeValues() {
        return Arbitraries.of(AttributeType.values()).flatMap(CimArbitraries::attributeValues);
    }

    public static Arbitrary<AttributeValue> attributeValues(AttributeType type) {
        return switch (type) {
            case TEXT -> texts(30).map(AttributeValue::of);
            case NUMBER -> Combinators.combine(Arbitraries.longs().between(-1_000_000, 1_000_000),
                    Arbitraries.integers().between(0, 4)).as((unscaled, scale) -> AttributeValue.of(BigDecimal.valueOf(unscaled, scale)));
            case BOOLEAN -> Arbitraries.of(true, false).map(AttributeValue::of);
            case DATE -> dates().map(AttributeValue::of);
            case TIMESTAMP -> instants().map(AttributeValue::of);
        };
    }

    /** Attribute maps over {@link #ATTRIBUTES}, each name with its declared type. */
    public static Arbitrary<Map<String, AttributeValue>> attributeMaps() {
        Arbitrary<String> names = Arbitraries.of(ATTRIBUTES.keySet().stream().sorted().toList());
        return names.set().ofMaxSize(ATTRIBUTES.size()).flatMap(keys -> {
            if (keys.isEmpty()) {
                return Arbitraries.just(Map.<String, AttributeValue>of());
            }
            List<String> sorted = keys.stream().sorted().toList();
            List<Arbitrary<AttributeValue>> values = sorted.stream().map(k -> attributeValues(ATTRIBUTES.get(k))).toList();
            return Combinators.combine(values).as(vs -> {
                Map<String, AttributeValue> m = new java.util.HashMap<>();
                for (int i = 0; i < sorted.size(); i++) {
                    m.put(sorted.get(i), vs.get(i));
                }
                return m;
            });
        });
    }

    public static Arbitrary<Person> persons() {
        return Combinators.combine(Arbitraries.randomValue(r -> r.nextBoolean() ? Pools.chineseName(r) : Pools.westernName(r)),
                dates().injectNull(0.3), Arbitraries.of(Gender.FEMALE, Gender.MALE, Gender.NON_BINARY, Gender.UNDISCLOSED)
                        .injectNull(0.3), Arbitraries.of(true, false))
                .as((n, birth, gender, parts) -> new Person(n.display(), parts ? n.given() : null, parts ? n.family() : null,
                        birth, gender));
    }

    // ---- stored records ------------------------------------------------------------------------

    /** Customers as a store receives them: ACTIVE, version 1, normalised contacts, µs timestamps. */
    public static Arbitrary<Customer> customers(TenantId tenant) {
        Arbitrary<Set<TagId>> tags = tagIds().set().ofMaxSize(3);
        Arbitrary<Set<ExternalId>> ext = externalIds().set().ofMaxSize(2);
        Arbitrary<Channel> source = channels().injectNull(0.3);
        return Combinators.combine(customerIds(), Arbitraries.of(LifecycleStage.values()), persons(), contactLists(),
                postalAddresses().list().ofMaxSize(2), source, ext, attributeMaps())
                .flatAs((id, stage, person, contacts, addresses, channel, externalIds, attributes) ->
                        Combinators.combine(tags, instants()).as((t, created) -> new Customer(id, tenant, 1, CustomerStatus.ACTIVE,
                                null, stage, person, contacts, addresses, channel, externalIds, attributes, t, created, created)));
    }

    public static Arbitrary<Tag> tags(TenantId tenant) {
        return Combinators.combine(tagIds(), newTags(), instants())
                .as((id, t, at) -> new Tag(id, tenant, t.name(), t.group(), t.description(), t.kind(), at));
    }

    public static Arbitrary<Interaction> interactions(TenantId tenant, CustomerId customer) {
        return Combinators.combine(interactionIds(), newInteractions(customer), instants(), instants())
                .as((id, n, at, recorded) -> new Interaction(id, tenant, customer, n.type(), n.channel(), n.direction(),
                        at, n.subject(), n.notes(), n.outcome(), n.csat(), n.nps(), n.agent(), recorded));
    }

    public static Arbitrary<Purchase> purchases(TenantId tenant, CustomerId customer) {
        return Combinators.combine(purchaseIds(), newPurchases(customer), instants(), instants())
                .as((id, n, at, recorded) -> {
                    Money total = n.lines().stream().map(PurchaseLine::total).reduce(Money::plus).orElseThrow();
                    return new Purchase(id, tenant, customer, n.orderId(), n.channel(), n.storeId(), at, n.lines(), total,
                            Money.zero(total.currency()), PurchaseStatus.COMPLETED, 1, recorded);
                });
    }

    // ---- service input ---------------------------------------------------------------------------

    /** Valid input for {@code CustomerService.create}: a name, usually an e-mail and phone, maybe more. */
    public static Arbitrary<NewCustomer> newCustomers() {
        return Combinators.combine(persons(), Arbitraries.of(LifecycleStage.values()), channels().injectNull(0.3),
                emails().injectNull(0.2), phones().injectNull(0.3), postalAddresses().list().ofMaxSize(2),
                externalIds().set().ofMaxSize(2))
                .as((p, stage, channel, email, phone, addresses, ext) -> {
                    NewCustomer.Builder b = NewCustomer.builder().name(p.displayName()).givenName(p.givenName())
                            .familyName(p.familyName()).birthDate(p.birthDate()).gender(p.gender()).stage(stage)
                            .source(channel);
                    if (email != null) {
                        b.email(email);
                    }
                    if (phone != null) {
                        b.phone(phone);
                    }
                    addresses.forEach(b::address);
                    ext.forEach(b::externalId);
                    return b.build();
                });
    }

    public static Arbitrary<InteractionType> interactionTypes() {
        return Arbitraries.of(InteractionType.CALL, InteractionType.EMAIL, InteractionType.CHAT, InteractionType.VISIT,
                InteractionType.COMPLAINT, InteractionType.SERVICE_TICKET, InteractionType.SURVEY_RESPONSE,
                InteractionType.PAGE_VIEW, InteractionType.CLICK, InteractionType.ADD_TO_CART);
    }

    public static Arbitrary<NewInteraction> newInteractions(CustomerId customer) {
        return Combinators.combine(interactionTypes(), channels(), Arbitraries.of(Direction.values()),
                texts(60).injectNull(0.3), texts(200).injectNull(0.5), Arbitraries.integers().between(1, 5).injectNull(0.6),
                Arbitraries.integers().between(0, 10).injectNull(0.7), Arbitraries.of("agent-1", "agent-2", "李娜").injectNull(0.4))
                .as((type, channel, dir, subject, notes, csat, nps, agent) -> NewInteraction.builder(customer, type)
                        .channel(channel).direction(dir).subject(subject).notes(notes).csat(csat).nps(nps).agent(agent)
                        .outcome(csat == null ? null : "resolved").build());
    }

    public static Arbitrary<Money> money(String currency) {
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        return Arbitraries.longs().between(1, 999_999).map(v -> Money.of(BigDecimal.valueOf(v, digits), currency));
    }

    public static Arbitrary<Money> money() {
        return Arbitraries.of("CNY", "EUR", "USD", "GBP", "JPY").flatMap(CimArbitraries::money);
    }

    public static Arbitrary<PurchaseLine> purchaseLines(String currency) {
        return Combinators.combine(Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofLength(6),
                Arbitraries.of("shoes", "apparel", "tea", "electronics", "books").injectNull(0.2),
                Arbitraries.integers().between(1, 5), money(currency))
                .as((sku, cat, qty, price) -> PurchaseLine.of("SKU-" + sku, cat, qty, price));
    }

    public static Arbitrary<NewPurchase> newPurchases(CustomerId customer) {
        return Arbitraries.of("CNY", "EUR", "USD").flatMap(cur -> Combinators.combine(
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(4).ofMaxLength(12), channels(),
                Arbitraries.of("store-1", "store-2", "web").injectNull(0.3), purchaseLines(cur).list().ofMinSize(1).ofMaxSize(4))
                .as((order, ch, store, lines) -> new NewPurchase(customer, "order-" + order, ch, store, null, lines)));
    }

    public static Arbitrary<NewTag> newTags() {
        return Combinators.combine(texts(20), Arbitraries.of("value", "interest", "lifecycle").injectNull(0.3),
                texts(60).injectNull(0.5), Arbitraries.of(TagKind.values()))
                .as((name, group, description, kind) -> new NewTag(name.strip().isEmpty() ? "tag" : name, group, description, kind));
    }
}
