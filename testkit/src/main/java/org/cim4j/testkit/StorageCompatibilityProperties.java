package org.cim4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.PropagationMode;
import org.cim4j.Channel;
import org.cim4j.Cim4jException;
import org.cim4j.DuplicateException;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerSort;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.Person;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionId;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.interaction.InteractionType;
import org.cim4j.spi.CustomerKeyset;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.spi.TimeKeyset;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;
import org.cim4j.tag.TagKind;
import org.cim4j.testkit.internal.PropertyExclusions;

/**
 * Model-based jqwik properties of the storage SPI. An adapter author extends this class next to
 * the {@link StorageCompatibilityKit} with the same {@link #createProvider()}:
 *
 * <pre>{@code
 * class MongoStorageCompatibilityProperties extends StorageCompatibilityProperties {
 *     @Override
 *     protected StorageProvider createProvider() {
 *         return MongoStorage.create(freshDatabase());
 *     }
 * }
 * }</pre>
 *
 * Each property creates one provider (before the property, closed after it) and gives every try
 * its own fresh tenant, so tries cannot see each other's data and database adapters stay fast.
 * Random inputs come from jqwik (seeded, reproducible, shrinking); the stateful properties run
 * random command sequences against the adapter and the {@link ReferenceModel} and compare after
 * every step. Known failures are listed with {@link ExcludedProperty} on the subclass.
 */
@AddLifecycleHook(value = PropertyExclusions.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
public abstract class StorageCompatibilityProperties {
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    /** A few creation instants, so sorts meet ties that only the id breaks. */
    private static final List<Instant> CREATED = List.of(T0, T0.plusNanos(1_000), T0.plusSeconds(60), T0.plusSeconds(3600));
    private static final List<String> NAMES = List.of("王小明", "王小红", "李雷", "Anna Müller", "anna", "Émile", "Zoë Smith", "bob");
    private static final List<String> EMAILS = List.of("a@example.com", "b@example.com", "xm@qq.com", "anna.mueller@example.de",
            "bob@example.org");
    private static final List<ExternalId> EXTERNAL_IDS = List.of(ExternalId.of("pos:member", "1"),
            ExternalId.of("pos:member", "2"), ExternalId.of("shop:user", "1"), ExternalId.of("erp", "A-7"));
    private static final List<TagId> TAGS = List.of(TagId.of("01890000-0000-7000-8000-000000000001"),
            TagId.of("01890000-0000-7000-8000-000000000002"), TagId.of("01890000-0000-7000-8000-000000000003"));
    private static final List<BigDecimal> SCORES = List.of(new BigDecimal("2"), new BigDecimal("2.0"), new BigDecimal("2.50"),
            new BigDecimal("-1"), new BigDecimal("10"), new BigDecimal("100.125"));
    private static final List<Channel> SOURCES = List.of(Channel.POS, Channel.ESHOP, Channel.APP);

    private StorageProvider provider;
    private MutableClock clock;
    private IdGenerator ids;

    /** A new provider over empty storage; called once per property and closed after it. */
    protected abstract StorageProvider createProvider();

    @BeforeProperty
    void openProvider() {
        clock = MutableClock.startingAtDefault();
        ids = IdGenerator.seeded(clock, 4242);
        provider = createProvider();
    }

    @AfterProperty
    void closeProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    /** The provider of the running property. */
    protected final StorageProvider provider() {
        return provider;
    }

    /** A tenant no other try has used: tries of one property share the provider but never data. */
    protected static TenantId freshTenant() {
        return TenantId.of("prop-" + UUID.randomUUID());
    }

    private CustomerId newCustomerId() {
        return CustomerId.of(ids.next());
    }

    /** {@code template} with a fresh id from the property's generator and {@code tenant}. */
    private Customer rekey(Customer template, TenantId tenant) {
        Customer c = template;
        return new Customer(newCustomerId(), tenant, c.version(), c.status(), c.mergedInto(), c.stage(), c.person(),
                c.contacts(), c.addresses(), c.sourceChannel(), c.externalIds(), c.attributes(), c.tags(), c.createdAt(),
                c.updatedAt());
    }

    private <T> T read(StorageWork<T> work) {
        return provider.read(work);
    }

    private <T> Optional<T> readOptional(StorageWork<Optional<T>> work) {
        return provider.read(work);
    }

    private <T> List<T> readList(StorageWork<List<T>> work) {
        return provider.read(work);
    }

    /** Runs {@code action}, returning the cim4j exception it threw or empty. */
    private static Optional<Cim4jException> outcome(Runnable action) {
        try {
            action.run();
            return Optional.empty();
        } catch (Cim4jException e) {
            return Optional.of(e);
        }
    }

    // ---- arbitraries: customers drawn from small pools so keys clash and sort keys tie ----------

    /** Customers (placeholder id and tenant; see {@link #rekey}) drawn from small pools. */
    @Provide
    Arbitrary<Customer> poolCustomers() {
        Arbitrary<List<ContactPoint>> contacts = Arbitraries.of(EMAILS).list().ofMaxSize(2).uniqueElements()
                .map(es -> {
                    List<ContactPoint> out = new ArrayList<>();
                    for (int i = 0; i < es.size(); i++) {
                        out.add(new ContactPoint(ContactType.EMAIL, es.get(i), i == 0, false));
                    }
                    return out;
                });
        Arbitrary<Set<ExternalId>> ext = Arbitraries.of(EXTERNAL_IDS).set().ofMaxSize(1);
        Arbitrary<Set<TagId>> tags = Arbitraries.of(TAGS).set().ofMaxSize(2);
        Arbitrary<Optional<BigDecimal>> score = Arbitraries.of(SCORES).optional(0.7);
        Arbitrary<Optional<LocalDate>> since = Arbitraries.of(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 6, 30),
                LocalDate.of(2024, 2, 29)).optional(0.5);
        return Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(LifecycleStage.values()), contacts, ext, tags,
                        Arbitraries.of(CREATED), Arbitraries.of(SOURCES).injectNull(0.3), Combinators.combine(score, since).as(List::of))
                .as((name, stage, cs, ex, ts, created, source, attrs) -> {
                    Customer c = new Customer(CustomerId.of(new UUID(0x7000L, 0x8000_0000_0000_0000L)), TenantId.DEFAULT, 1,
                            CustomerStatus.ACTIVE, null, stage, Person.named(name), cs, List.of(), source, ex,
                            java.util.Map.of(), ts, created, created);
                    @SuppressWarnings("unchecked")
                    Optional<BigDecimal> sc = (Optional<BigDecimal>) attrs.get(0);
                    @SuppressWarnings("unchecked")
                    Optional<LocalDate> si = (Optional<LocalDate>) attrs.get(1);
                    if (sc.isPresent()) {
                        c = c.withAttribute("score", AttributeValue.of(sc.get()));
                    }
                    if (si.isPresent()) {
                        c = c.withAttribute("since", AttributeValue.of(si.get()));
                    }
                    return c;
                });
    }

    /** Up to 12 pool customers. */
    @Provide
    Arbitrary<List<Customer>> customerLists() {
        return poolCustomers().list().ofMaxSize(12);
    }

    /** Queries with 0–3 criteria over the pools, any sort, sometimes a status filter. */
    @Provide
    Arbitrary<CustomerQuery> queries() {
        Arbitrary<CustomerQuery.Criterion> criterion = Arbitraries.oneOf(
                Arbitraries.of(LifecycleStage.values()).set().ofMinSize(1).ofMaxSize(3).map(CustomerQuery.Criterion.StageIn::new),
                Arbitraries.of(TAGS).map(CustomerQuery.Criterion.HasTag::new),
                Arbitraries.of(SCORES).map(s -> new CustomerQuery.Criterion.AttributeEquals("score", AttributeValue.of(s))),
                Combinators.combine(Arbitraries.of(SCORES).injectNull(0.3), Arbitraries.of(SCORES).injectNull(0.3))
                        .filter((a, b) -> a != null || b != null)
                        .as((a, b) -> new CustomerQuery.Criterion.AttributeBetween("score",
                                a == null ? null : AttributeValue.of(a), b == null ? null : AttributeValue.of(b))),
                Arbitraries.of(CREATED).injectNull(0.3).flatMap(from -> Arbitraries.of(CREATED).injectNull(from == null ? 0 : 0.3)
                        .map(to -> new CustomerQuery.Criterion.CreatedBetween(from, to))),
                Arbitraries.of("EXAMPLE", "qq", "@", "mueller", "b@").map(CustomerQuery.Criterion.ContactContains::new),
                Arbitraries.of("王", "小", "ANNA", "müller", "o", "Ë").map(CustomerQuery.Criterion.NameContains::new),
                Arbitraries.of(SOURCES).map(CustomerQuery.Criterion.SourceChannelIs::new));
        Arbitrary<Optional<Set<CustomerStatus>>> status = Arbitraries.of(CustomerStatus.values()).set().ofMinSize(1)
                .optional(0.2);
        return Combinators.combine(criterion.list().ofMaxSize(3), status, Arbitraries.of(CustomerSort.values()))
                .as((cs, st, sort) -> {
                    List<CustomerQuery.Criterion> all = new ArrayList<>(cs);
                    st.ifPresent(s -> all.add(new CustomerQuery.Criterion.StatusIn(EnumSet.copyOf(s))));
                    return new CustomerQuery(all, sort);
                });
    }

    /** Inserts each customer in its own transaction into adapter and model, skipping key clashes. */
    private List<Customer> insertAll(List<Customer> templates, TenantId tenant, ReferenceModel model) {
        List<Customer> stored = new ArrayList<>();
        for (Customer t : templates) {
            Customer c = rekey(t, tenant);
            if (!model.clashes(c).isEmpty()) {
                assertThatThrownBy(() -> provider.write(s -> {
                    s.customers().insert(c);
                    return null;
                })).isInstanceOf(DuplicateException.class);
                continue;
            }
            provider.write(s -> {
                s.customers().insert(c);
                return null;
            });
            model.insert(c);
            stored.add(c);
        }
        return stored;
    }

    /** Reads every page of {@code q} from the adapter, checking each against the model. */
    private List<Customer> pageThrough(TenantId tenant, ReferenceModel model, CustomerQuery q, int limit) {
        List<Customer> all = new ArrayList<>();
        CustomerKeyset after = null;
        for (int guard = 0; guard < 1000; guard++) {
            CustomerKeyset position = after;
            List<Customer> page = read(s -> s.customers().query(tenant, q, position, limit));
            assertThat(page).as("page after %s of %s", position, q).containsExactlyElementsOf(model.query(q, position, limit));
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = CustomerKeyset.of(page.get(page.size() - 1));
        }
        throw new AssertionError("paging did not terminate");
    }

    // ---- round trips ----------------------------------------------------------------------------

    @Property(tries = 50)
    void customer_roundTripsExactly(@ForAll("storedCustomers") Customer template) {
        TenantId tenant = freshTenant();
        Customer c = rekey(template, tenant);
        provider.write(s -> {
            s.customers().insert(c);
            return null;
        });
        assertThat(readOptional(s -> s.customers().findById(tenant, c.id()))).contains(c);
    }

    @Provide
    Arbitrary<Customer> storedCustomers() {
        return CimArbitraries.customers(TenantId.DEFAULT);
    }

    @Property(tries = 50)
    void interactions_roundTripAndTimelineAgreesWithModel(@ForAll @IntRange(min = 0, max = 15) int n,
                                                          @ForAll @IntRange(min = 1, max = 6) int limit,
                                                          @ForAll("interactionQueries") InteractionQuery query,
                                                          @ForAll("seeds") long seed) {
        TenantId tenant = freshTenant();
        ReferenceModel model = new ReferenceModel(tenant);
        Customer owner = insertAll(List.of(plainCustomer()), tenant, model).get(0);
        java.util.Random r = new java.util.Random(seed);
        List<Interaction> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Interaction template = CimArbitraries.interactions(tenant, owner.id()).generator(10).next(r).value();
            Interaction x = new Interaction(InteractionId.of(ids.next()), tenant, owner.id(),
                    INTERACTION_TYPES.get(r.nextInt(INTERACTION_TYPES.size())), template.channel(), template.direction(),
                    T0.plusSeconds(r.nextInt(4)), template.subject(), template.notes(), template.outcome(), template.csat(),
                    template.nps(), template.agent(), template.recordedAt());
            all.add(x);
            model.insert(x);
        }
        provider.write(s -> {
            s.interactions().insertAll(all);
            return null;
        });
        for (Interaction x : all) {
            assertThat(readOptional(s -> s.interactions().findById(tenant, x.id()))).contains(x);
        }
        TimeKeyset before = null;
        while (true) {
            TimeKeyset position = before;
            List<Interaction> page = read(s -> s.interactions().timeline(tenant, owner.id(), query, position, limit));
            assertThat(page).containsExactlyElementsOf(model.timeline(owner.id(), query, position, limit));
            if (page.size() < limit) {
                break;
            }
            Interaction last = page.get(page.size() - 1);
            before = new TimeKeyset(last.occurredAt(), last.id().value());
        }
        long count = read(s -> s.interactions().count(tenant, owner.id(), query));
        assertThat(count).isEqualTo(model.countInteractions(owner.id(), query));
    }

    private static final List<InteractionType> INTERACTION_TYPES = List.of(InteractionType.CALL, InteractionType.CHAT,
            InteractionType.PAGE_VIEW);

    @Provide
    Arbitrary<InteractionQuery> interactionQueries() {
        Arbitrary<Set<InteractionType>> types = Arbitraries.of(INTERACTION_TYPES).set().ofMaxSize(2);
        Arbitrary<Instant> bound = Arbitraries.integers().between(0, 4).map(T0::plusSeconds);
        return Combinators.combine(types, bound.injectNull(0.5), bound.injectNull(0.5))
                .as((t, from, to) -> from != null && to != null && !from.isBefore(to)
                        ? new InteractionQuery(t, null, to) : new InteractionQuery(t, from, to));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 50)
    void purchases_roundTripAndHistoryAgreesWithModel(@ForAll @IntRange(min = 0, max = 12) int n,
                                                      @ForAll @IntRange(min = 1, max = 5) int limit,
                                                      @ForAll("seeds") long seed) {
        TenantId tenant = freshTenant();
        ReferenceModel model = new ReferenceModel(tenant);
        Customer owner = insertAll(List.of(plainCustomer()), tenant, model).get(0);
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < n; i++) {
            Purchase template = CimArbitraries.purchases(tenant, owner.id()).generator(10).next(r).value();
            Channel channel = SOURCES.get(r.nextInt(SOURCES.size()));
            String order = "order-" + r.nextInt(6);
            Purchase p = new Purchase(PurchaseId.of(ids.next()), tenant, owner.id(), order, channel, template.storeId(),
                    T0.plusSeconds(r.nextInt(3)), template.lines(), template.total(), template.refunded(), template.status(),
                    1, template.recordedAt());
            Optional<Cim4jException> expected = outcome(() -> model.copy().insert(p));
            Optional<Cim4jException> actual = outcome(() -> provider.write(s -> {
                s.purchases().insert(p);
                return null;
            }));
            assertThat(actual.map(Object::getClass)).isEqualTo(expected.map(Object::getClass));
            if (expected.isEmpty()) {
                model.insert(p);
                assertThat(readOptional(s -> s.purchases().findById(tenant, p.id()))).contains(p);
                assertThat(readOptional(s -> s.purchases().findByOrder(tenant, channel, order))).contains(p);
            }
        }
        TimeKeyset before = null;
        while (true) {
            TimeKeyset position = before;
            List<Purchase> page = read(s -> s.purchases().history(tenant, owner.id(), position, limit));
            assertThat(page).containsExactlyElementsOf(model.history(owner.id(), position, limit));
            if (page.size() < limit) {
                break;
            }
            Purchase last = page.get(page.size() - 1);
            before = new TimeKeyset(last.occurredAt(), last.id().value());
        }
    }

    private Customer plainCustomer() {
        return new Customer(newCustomerId(), TenantId.DEFAULT, 1, CustomerStatus.ACTIVE, null, LifecycleStage.LEAD,
                Person.named("Owner"), List.of(), List.of(), null, Set.of(), java.util.Map.of(), Set.of(), T0, T0);
    }

    @Property(tries = 50)
    void tags_roundTripUniqueNamesAndOrderedList(@ForAll("tagNames") List<String> names) {
        TenantId tenant = freshTenant();
        ReferenceModel model = new ReferenceModel(tenant);
        for (String name : names) {
            Tag t = new Tag(TagId.of(ids.next()), tenant, name, null, null, TagKind.MANUAL, T0);
            Optional<Cim4jException> expected = outcome(() -> model.copy().insert(t));
            Optional<Cim4jException> actual = outcome(() -> provider.write(s -> {
                s.tags().insert(t);
                return null;
            }));
            assertThat(actual.map(Object::getClass)).as("insert tag").isEqualTo(expected.map(Object::getClass));
            if (expected.isEmpty()) {
                model.insert(t);
                assertThat(readOptional(s -> s.tags().findById(tenant, t.id()))).contains(t);
            }
            assertThat(readOptional(s -> s.tags().findByName(tenant, name))).isEqualTo(model.findTagByName(name));
        }
        assertThat(readList(s -> s.tags().list(tenant))).containsExactlyElementsOf(model.tags());
    }

    @Provide
    Arbitrary<List<String>> tagNames() {
        return Arbitraries.of("VIP", "vip", "B", "a", "é", "王", "贵宾", "Z z", "ab").list().ofMaxSize(12);
    }

    // ---- queries ---------------------------------------------------------------------------------

    @Property(tries = 50)
    void query_everyPageAgreesWithModel(@ForAll("customerLists") List<Customer> templates,
                                        @ForAll("queries") CustomerQuery query,
                                        @ForAll @IntRange(min = 1, max = 7) int limit) {
        TenantId tenant = freshTenant();
        ReferenceModel model = new ReferenceModel(tenant);
        insertAll(templates, tenant, model);
        List<Customer> paged = pageThrough(tenant, model, query, limit);
        assertThat(paged).containsExactlyElementsOf(model.query(query, null, Integer.MAX_VALUE));
    }

    @Property(tries = 50)
    void count_equalsNumberOfMatches(@ForAll("customerLists") List<Customer> templates,
                                     @ForAll("queries") CustomerQuery query) {
        TenantId tenant = freshTenant();
        ReferenceModel model = new ReferenceModel(tenant);
        insertAll(templates, tenant, model);
        long count = read(s -> s.customers().count(tenant, query));
        assertThat(count).isEqualTo(model.count(query))
                .isEqualTo(read(s -> s.customers().query(tenant, query, null, 1000)).size());
    }

    @Property(tries = 50)
    void paging_returnsEachCustomerOnceInOrder(@ForAll("customerLists") List<Customer> templates,
                                               @ForAll CustomerSort sort, @ForAll @IntRange(min = 1, max = 4) int limit) {
        TenantId tenant = freshTenant();
        ReferenceModel model = new ReferenceModel(tenant);
        List<Customer> stored = insertAll(templates, tenant, model);
        CustomerQuery q = new CustomerQuery(List.of(), sort);
        List<Customer> paged = pageThrough(tenant, model, q, limit);
        assertThat(paged).doesNotHaveDuplicates().isSortedAccordingTo(ReferenceModel.order(sort))
                .containsExactlyInAnyOrderElementsOf(stored);
    }

    @Property(tries = 50)
    void lookups_agreeWithModel(@ForAll("customerLists") List<Customer> templates) {
        TenantId tenant = freshTenant();
        ReferenceModel model = new ReferenceModel(tenant);
        insertAll(templates, tenant, model);
        for (String email : EMAILS) {
            assertThat(readList(s -> s.customers().findByContact(tenant, ContactType.EMAIL, email)))
                    .as("findByContact").containsExactlyElementsOf(model.findByContact(ContactType.EMAIL, email));
        }
        for (ExternalId ext : EXTERNAL_IDS) {
            assertThat(readOptional(s -> s.customers().findByExternalId(tenant, ext))).as("findByExternalId")
                    .isEqualTo(model.findByExternalId(ext));
        }
    }

    // ---- stateful: random command sequences against adapter and model ---------------------------

    /** One step of a random command sequence; ints are resolved against the current state. */
    sealed interface Command permits Insert, Update, Query, Lookup, FailingBatch {
    }

    record Insert(Customer template) implements Command {
    }

    /**
     * Changes the customer in {@code slot}: {@code kind} picks what (stage, tag, external id, primary
     * e-mail, status, score), {@code choice} the new value; {@code stale} sends the stored version
     * instead of the next one.
     */
    record Update(int slot, int kind, int choice, boolean stale) implements Command {
    }

    record Query(CustomerQuery query, int limit) implements Command {
    }

    record Lookup(int choice) implements Command {
    }

    /** Inserts and updates in one transaction that then throws: nothing may remain. */
    record FailingBatch(List<Customer> templates, int slot) implements Command {
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        Arbitrary<Command> insert = poolCustomers().map(Insert::new);
        Arbitrary<Command> update = Combinators.combine(Arbitraries.integers().between(0, 29),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 11),
                Arbitraries.of(false, false, false, true)).as(Update::new);
        Arbitrary<Command> query = Combinators.combine(queries(), Arbitraries.integers().between(1, 5)).as(Query::new);
        Arbitrary<Command> lookup = Arbitraries.integers().between(0, EMAILS.size() + EXTERNAL_IDS.size() - 1).map(Lookup::new);
        Arbitrary<Command> failing = Combinators.combine(poolCustomers().list().ofMaxSize(2),
                Arbitraries.integers().between(0, 29)).as(FailingBatch::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, insert), net.jqwik.api.Tuple.of(5, update), net.jqwik.api.Tuple.of(2, query),
                net.jqwik.api.Tuple.of(1, lookup), net.jqwik.api.Tuple.of(1, failing)).list().ofMaxSize(30);
    }

    @Property(tries = 50, afterFailure = AfterFailureMode.SAMPLE_FIRST)
    void customerCommands_agreeWithModel(@ForAll("commands") List<Command> commands) {
        TenantId tenant = freshTenant();
        ReferenceModel model = new ReferenceModel(tenant);
        List<CustomerId> slots = new ArrayList<>();
        for (Command command : commands) {
            clock.advance(Duration.ofMillis(1));
            if (command instanceof Insert i) {
                Customer c = rekey(i.template(), tenant);
                expectSameOutcome(command, () -> model.insert(c), () -> provider.write(s -> {
                    s.customers().insert(c);
                    return null;
                }), model.clashes(c));
                if (model.findById(c.id()).isPresent()) {
                    slots.add(c.id());
                }
            } else if (command instanceof Update u && !slots.isEmpty()) {
                Customer current = model.findById(slots.get(u.slot() % slots.size())).orElseThrow();
                Customer changed = change(current, u, slots);
                Set<String> clashes = model.clashes(changed);
                expectSameOutcome(command, () -> model.update(changed), () -> provider.write(s -> {
                    s.customers().update(changed);
                    return null;
                }), clashes);
            } else if (command instanceof Query q) {
                pageThrough(tenant, model, q.query(), q.limit());
                long count = read(s -> s.customers().count(tenant, q.query()));
                assertThat(count).as("count %s", q.query()).isEqualTo(model.count(q.query()));
            } else if (command instanceof Lookup l) {
                if (l.choice() < EMAILS.size()) {
                    String email = EMAILS.get(l.choice());
                    assertThat(readList(s -> s.customers().findByContact(tenant, ContactType.EMAIL, email)))
                            .containsExactlyElementsOf(model.findByContact(ContactType.EMAIL, email));
                } else {
                    ExternalId ext = EXTERNAL_IDS.get(l.choice() - EMAILS.size());
                    assertThat(readOptional(s -> s.customers().findByExternalId(tenant, ext))).isEqualTo(model.findByExternalId(ext));
                }
            } else if (command instanceof FailingBatch f) {
                List<Customer> batch = f.templates().stream().map(t -> rekey(t, tenant)).toList();
                Supplier<Optional<Customer>> target = () -> slots.isEmpty() ? Optional.empty()
                        : model.findById(slots.get(f.slot() % slots.size()));
                assertThatThrownBy(() -> provider.write(s -> {
                    for (Customer c : batch) {
                        try {
                            s.customers().insert(c);
                        } catch (DuplicateException ignored) {
                            // a clash is fine here: the transaction fails below anyway
                        }
                    }
                    target.get().ifPresent(c -> s.customers().update(
                            c.withStage(LifecycleStage.CHURNED).withBookkeeping(c.version() + 1, c.status(), c.mergedInto(), clock.instant())));
                    throw new IllegalStateException("rolled back on purpose");
                })).isInstanceOf(IllegalStateException.class);
                for (Customer c : batch) {
                    assertThat(readOptional(s -> s.customers().findById(tenant, c.id()))).as("rolled back insert").isEmpty();
                }
            }
            for (CustomerId id : slots) {
                assertThat(readOptional(s -> s.customers().findById(tenant, id))).as("after %s", command).isEqualTo(model.findById(id));
            }
        }
        long all = read(s -> s.customers().count(tenant, new CustomerQuery(
                List.of(new CustomerQuery.Criterion.StatusIn(EnumSet.allOf(CustomerStatus.class))), CustomerSort.CREATED_ASC)));
        assertThat(all).isEqualTo(model.customers().size());
    }

    private Customer change(Customer c, Update u, List<CustomerId> slots) {
        Customer changed = switch (u.kind()) {
            case 0 -> c.withStage(LifecycleStage.values()[u.choice() % LifecycleStage.values().length]);
            case 1 -> {
                TagId t = TAGS.get(u.choice() % TAGS.size());
                yield c.hasTag(t) ? c.withoutTag(t) : c.withTag(t);
            }
            case 2 -> c.withExternalIds(u.choice() % 5 == 4 ? Set.of() : Set.of(EXTERNAL_IDS.get(u.choice() % 5)));
            case 3 -> c.withContacts(List.of(ContactPoint.email(EMAILS.get(u.choice() % EMAILS.size()))));
            case 4 -> c;
            default -> c.withAttribute("score", u.choice() % 7 == 6 ? null : AttributeValue.of(SCORES.get(u.choice() % SCORES.size())));
        };
        long version = u.stale() ? c.version() : c.version() + 1;
        if (u.kind() == 4) {
            int which = u.choice() % 3;
            CustomerId other = slots.stream().filter(id -> !id.equals(c.id())).findFirst().orElse(null);
            if (which == 0 || (which == 2 && other == null)) {
                return changed.withBookkeeping(version, CustomerStatus.DELETED, null, clock.instant());
            } else if (which == 1) {
                return changed.withBookkeeping(version, CustomerStatus.ACTIVE, null, clock.instant());
            }
            return changed.withBookkeeping(version, CustomerStatus.MERGED, other, clock.instant());
        }
        return changed.withBookkeeping(version, c.status(), c.mergedInto(), clock.instant());
    }

    /**
     * Runs a write on the model and on the adapter and checks they agree: both succeed, or both fail
     * with the same exception type. Where a write both clashes on a key and carries a stale version
     * the SPI does not say which is reported, so either is accepted.
     */
    private static void expectSameOutcome(Command command, Runnable onModel, Runnable onAdapter, Set<String> clashes) {
        Optional<Cim4jException> expected = outcome(onModel);
        Optional<Cim4jException> actual = outcome(onAdapter);
        if (expected.isEmpty()) {
            assertThat(actual).as("%s should succeed", command).isEmpty();
            return;
        }
        assertThat(actual).as("%s should fail with %s", command, expected.get().getClass().getSimpleName()).isPresent();
        Set<Class<?>> acceptable = new HashSet<>();
        acceptable.add(expected.get().getClass());
        if (!clashes.isEmpty()) {
            acceptable.add(DuplicateException.class);
        }
        assertThat(acceptable).as("%s failed with %s", command, actual.get()).contains(actual.get().getClass());
        if (actual.get() instanceof DuplicateException d && d.key() != null && !d.key().equals("id")) {
            assertThat(clashes).as("duplicate key of %s", command).contains(d.key());
        }
    }

    @Property(tries = 50)
    void failedTransaction_leavesNoTrace(@ForAll("customerLists") List<Customer> before,
                                         @ForAll("customerLists") List<Customer> attempted) {
        TenantId tenant = freshTenant();
        ReferenceModel model = new ReferenceModel(tenant);
        List<Customer> stored = insertAll(before, tenant, model);
        List<Customer> batch = attempted.stream().map(t -> rekey(t, tenant)).toList();
        assertThatThrownBy(() -> provider.write(s -> {
            for (Customer c : batch) {
                try {
                    s.customers().insert(c);
                } catch (DuplicateException ignored) {
                    // the unit fails below regardless
                }
            }
            for (Customer c : stored) {
                s.customers().update(c.withStage(LifecycleStage.CHURNED)
                        .withBookkeeping(c.version() + 1, CustomerStatus.DELETED, null, clock.instant()));
            }
            throw new IllegalStateException("rolled back on purpose");
        })).isInstanceOf(IllegalStateException.class);
        CustomerQuery everything = new CustomerQuery(
                List.of(new CustomerQuery.Criterion.StatusIn(EnumSet.allOf(CustomerStatus.class))), CustomerSort.CREATED_ASC);
        assertThat(readList(s -> s.customers().query(tenant, everything, null, 1000)))
                .containsExactlyElementsOf(model.query(everything, null, 1000));
    }

    @Property(tries = 50)
    void optimisticVersions_onlyNextVersionCommits(@ForAll @IntRange(min = 1, max = 8) int updates,
                                                   @ForAll @IntRange(min = -3, max = 3) int offset) {
        TenantId tenant = freshTenant();
        ReferenceModel model = new ReferenceModel(tenant);
        Customer c = insertAll(List.of(plainCustomer()), tenant, model).get(0);
        for (int i = 0; i < updates; i++) {
            Customer current = model.findById(c.id()).orElseThrow();
            Customer next = current.withStage(LifecycleStage.values()[i % 6])
                    .withBookkeeping(current.version() + 1, current.status(), null, clock.instant());
            provider.write(s -> {
                s.customers().update(next);
                return null;
            });
            model.update(next);
        }
        Customer current = model.findById(c.id()).orElseThrow();
        long sent = current.version() + 1 + offset;
        if (sent < 1) {
            return;
        }
        Customer attempt = current.withAttribute("score", AttributeValue.of(offset))
                .withBookkeeping(sent, current.status(), null, clock.instant());
        expectSameOutcome(new Update(0, 5, 0, offset != 0), () -> model.update(attempt), () -> provider.write(s -> {
            s.customers().update(attempt);
            return null;
        }), Set.of());
        assertThat(readOptional(s -> s.customers().findById(tenant, c.id()))).isEqualTo(model.findById(c.id()));
    }

    /** Convenience for subclasses: the property's clock. */
    protected final MutableClock clock() {
        return clock;
    }
}
