package org.cim4j.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.cim4j.TenantId;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.ExternalId;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.Lot;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.MemberAccount;
import org.cim4j.loyalty.MemberAccountId;
import org.cim4j.loyalty.ProgramId;
import org.cim4j.loyalty.TierChange;
import org.cim4j.spi.Capability;
import org.cim4j.spi.CustomerKeyset;
import org.cim4j.spi.CustomerStore;
import org.cim4j.spi.InteractionStore;
import org.cim4j.spi.LedgerTotals;
import org.cim4j.spi.LoyaltyCommandRecord;
import org.cim4j.spi.LoyaltyStore;
import org.cim4j.spi.PurchaseStore;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.spi.Stores;
import org.cim4j.spi.TagStore;
import org.cim4j.spi.TransactionMode;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StorageProvider} that caches reads of another one with Caffeine and honours the whole
 * SPI contract of the provider it wraps (the compatibility kit runs against it).
 *
 * <pre>{@code
 * StorageProvider storage = CachingStorageProvider.wrap(InMemoryStorage.create(), CacheSettings.defaults());
 * }</pre>
 *
 * <h2>What is cached</h2>
 * Customers by id (including "not found", for {@link CacheSettings#negativeTtl()}); the answers of
 * {@code findByContact} and {@code findByExternalId}; each tenant's tag list, which also answers tag
 * lookups by id and exact name; loyalty member accounts by tenant, program and customer (balance,
 * tier and version; "not enrolled" for the negative TTL), from {@link LoyaltyStore#findAccount}
 * only, never from {@link LoyaltyStore#lockAccount}; each tenant's loyalty programs, which also
 * answer {@link LoyaltyStore#findProgram} for programs that exist. Queries, counts, interactions,
 * purchases, ledger entries, lots, command records and tier history always go to storage.
 *
 * <h2>Transactions</h2>
 * A transaction reads from and fills the cache only while it is {@link TransactionMode#READ_ONLY}
 * and has written nothing. {@code READ_WRITE} transactions read through to storage, because (1) they
 * must see their own uncommitted writes, (2) anything they read may include uncommitted data, which
 * must not reach the cache before commit, and (3) the engine's read-modify-write units need the
 * current committed version to avoid needless version conflicts. Cached answers are committed
 * data, but several of them read in one read-only transaction may stem from different moments
 * (read-committed consistency, not one snapshot); work that needs one snapshot runs read-write or
 * {@linkplain FreshReads fresh}. Every key a transaction writes is
 * recorded (before the write is attempted) and invalidated, locally and on the
 * {@link InvalidationBus}, only after the wrapped provider's {@code inTransaction} returned normally,
 * i.e. after commit. If the work itself threw, the transaction rolled back and the cache is left
 * exactly as it was. If the provider failed otherwise (e.g. during commit, outcome unknown), the
 * recorded keys are invalidated anyway: an extra miss is always safe. A retried work starts its
 * record afresh.
 *
 * <h2>Stale loads</h2>
 * Entries carry the row version, and a load never replaces a valid entry of a higher version.
 * Beyond that, every load is stamped with an invalidation epoch taken before its storage
 * transaction began; an entry counts only while no key it depends on (the customer id, the lookup
 * key, every customer a lookup returned) was invalidated after its stamp. So a load that started
 * before a concurrent write committed can never make its stale result visible, whether it lands in
 * the cache before or after that write's invalidation.
 *
 * <h2>Threads</h2>
 * Thread-safe. Starts no thread: Caffeine's maintenance runs on the calling threads. Expiry uses a
 * ticker derived from the {@link Clock} given to {@link #wrap(StorageProvider, CacheSettings, Clock)}
 * (the system ticker for the system clock), so tests move TTLs with a mutable clock.
 *
 * <h2>Loyalty</h2>
 * Every command of the loyalty engine runs read-write (lock the account, compute, write), so it
 * never sees a cached account or program. Its {@code insertAccount} and {@code updateAccount} are
 * recorded and invalidate the member's accounts (one stripe per tenant and customer, every
 * program) after commit; {@code saveProgram} invalidates the tenant's programs. Other loyalty
 * writes (ledger entries, lots, command records, tier history) change nothing cached, but a
 * transaction that made one no longer reads from or fills the cache. On the bus, accounts travel
 * as {@link Invalidation.Kind#LOYALTY_ACCOUNT} with the customer id and account version, programs as
 * {@link Invalidation.Kind#LOYALTY_PROGRAM} with the program id.
 *
 * <h2>Extension</h2>
 * New stores in {@link Stores} are passed through uncached in {@code CachingStores}; caching one
 * means an entry type here, a write record in the transaction and an {@link Invalidation.Kind}.
 */
public final class CachingStorageProvider implements StorageProvider {
    private static final Logger LOG = LoggerFactory.getLogger(CachingStorageProvider.class);
    private static final long STATS_LOG_EVERY = 10_000;

    private final StorageProvider delegate;
    private final CacheSettings settings;
    private final boolean closeDelegate;
    private final String origin = UUID.randomUUID().toString();
    private final Stripes stripes = new Stripes();
    private final @Nullable Cache<CustomerKey, CustomerEntry> customers;
    private final @Nullable Cache<LookupKey, LookupEntry> lookups;
    private final @Nullable Cache<TenantId, TenantListEntry<Tag>> tagLists;
    private final @Nullable Cache<AccountKey, AccountEntry> loyaltyAccounts;
    private final @Nullable Cache<TenantId, TenantListEntry<LoyaltyProgram>> loyaltyPrograms;
    private final Counters customerCounters = new Counters("customers");
    private final Counters lookupCounters = new Counters("lookups");
    private final Counters tagCounters = new Counters("tagLists");
    private final Counters accountCounters = new Counters("loyaltyAccounts");
    private final Counters programCounters = new Counters("loyaltyPrograms");
    private final LongAdder requests = new LongAdder();
    private final InvalidationBus.@Nullable Subscription subscription;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable BiConsumer<String, Object[]> debugTap;
    /** Measures TTLs: Caffeine's expiry and the negative entries' own deadlines. */
    private final Ticker ticker;
    private final long negativeTtlNanos;

    private CachingStorageProvider(StorageProvider delegate, CacheSettings settings, Clock clock, boolean closeDelegate) {
        this.delegate = delegate;
        this.settings = settings;
        this.closeDelegate = closeDelegate;
        this.ticker = tickerOf(clock);
        this.negativeTtlNanos = settings.negativeTtl().toNanos();
        this.customers = build(settings.customerMaximumSize(), settings.customerTtl(), customerCounters);
        this.lookups = build(settings.lookupMaximumSize(), settings.lookupTtl(), lookupCounters);
        this.tagLists = build(settings.tagListMaximumSize(), settings.tagListTtl(), tagCounters);
        this.loyaltyAccounts = build(settings.loyaltyAccountMaximumSize(), settings.loyaltyAccountTtl(),
                accountCounters);
        this.loyaltyPrograms = build(settings.loyaltyProgramMaximumSize(), settings.loyaltyProgramTtl(), programCounters);
        InvalidationBus bus = settings.invalidationBus();
        this.subscription = bus != null && settings.enabled() ? bus.subscribe(new BusListener()) : null;
    }

    /**
     * Caches {@code delegate} with the system clock's ticker; closing the result closes the delegate.
     * With {@link CacheSettings#off()} nothing is cached, but writes are still published to the
     * settings' bus, if any.
     */
    public static CachingStorageProvider wrap(StorageProvider delegate, CacheSettings settings) {
        return wrap(delegate, settings, Clock.systemUTC());
    }

    /** As {@link #wrap(StorageProvider, CacheSettings)}, measuring TTLs with {@code clock}. */
    public static CachingStorageProvider wrap(StorageProvider delegate, CacheSettings settings, Clock clock) {
        return wrap(delegate, settings, clock, true);
    }

    /**
     * As {@link #wrap(StorageProvider, CacheSettings, Clock)}; {@code closeDelegate == false} leaves
     * the delegate open on {@link #close()} (for a provider shared with other instances).
     */
    public static CachingStorageProvider wrap(StorageProvider delegate, CacheSettings settings, Clock clock,
                                              boolean closeDelegate) {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        if (delegate instanceof CachingStorageProvider) {
            throw new IllegalArgumentException("storage " + delegate.name() + " is already cached");
        }
        return new CachingStorageProvider(delegate, settings, clock, closeDelegate);
    }

    /** The wrapped provider. Writing to it directly bypasses invalidation. */
    public StorageProvider delegate() {
        return delegate;
    }

    public CacheSettings settings() {
        return settings;
    }

    /**
     * Counters of the customer, lookup, tag-list, loyalty-account and loyalty-program caches, in that
     * order ({@link CacheStats#cache()} names each).
     */
    public List<CacheStats> stats() {
        return List.of(customerCounters.snapshot(customers), lookupCounters.snapshot(lookups),
                tagCounters.snapshot(tagLists), accountCounters.snapshot(loyaltyAccounts),
                programCounters.snapshot(loyaltyPrograms));
    }

    /** Drops every cached entry of this instance (not of others on the bus). */
    public void invalidateAll() {
        stripes.bumpAll();
        clear(customers, customerCounters);
        clear(lookups, lookupCounters);
        clear(tagLists, tagCounters);
        clear(loyaltyAccounts, accountCounters);
        clear(loyaltyPrograms, programCounters);
        debug("cache {}: all entries invalidated", delegate.name());
    }

    @Override
    public String name() {
        return delegate.name() + "+cache";
    }

    /**
     * The delegate's capabilities. {@link Capability#SHARED_ACROSS_INSTANCES} stays: writes remain
     * safe across instances (read-write transactions read through, so unique keys and versions are
     * checked by the store), while reads of another instance's commits are as fresh as the
     * {@link InvalidationBus} makes them, or the TTLs without one.
     */
    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public <T> T inTransaction(TransactionMode mode, StorageWork<T> work) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(work, "work");
        boolean fresh = FreshReads.active();
        if (mode == TransactionMode.READ_ONLY && !fresh) {
            Object served = fromCachesAlone(work);
            if (served != NEEDS_STORAGE) {
                @SuppressWarnings("unchecked")
                T result = (T) served;
                return result;
            }
        }
        // Taken before the storage transaction exists, so it precedes the transaction's snapshot.
        Tx tx = new Tx(mode, stripes.current(), fresh);
        T result;
        try {
            result = delegate.inTransaction(mode, stores -> {
                tx.reset();
                try {
                    return work.execute(new CachingStores(stores, tx));
                } catch (RuntimeException | Error e) {
                    tx.workFailure = e;
                    throw e;
                }
            });
        } catch (RuntimeException | Error e) {
            if (e != tx.workFailure && tx.hasWrites()) {
                invalidateWritten(tx, "after a failed commit");
            }
            throw e;
        }
        if (tx.hasWrites()) {
            invalidateWritten(tx, "after commit");
        }
        return result;
    }

    /**
     * A whole-tenant list (tags, loyalty programs) from its cache, loading and filling it on a miss;
     * null when that cache is off or the transaction must read through (it wrote). A load fills only
     * if no invalidation of the tenant's stripe happened since the transaction's stamp, so a stale
     * list never replaces a newer one.
     */
    private <T> @Nullable List<T> cachedTenantList(@Nullable Cache<TenantId, TenantListEntry<T>> cache,
            Counters counters, Tx tx, TenantId tenant, int stripe, Function<TenantId, List<T>> load) {
        if (cache == null) {
            return null;
        }
        if (!tx.mayRead()) {
            counters.bypasses.increment();
            return null;
        }
        TenantListEntry<T> e = cache.getIfPresent(tenant);
        if (e != null && stripes.unchangedSince(stripe, e.stamp)) {
            record(tx, counters.hits);
            return e.items;
        }
        record(tx, counters.misses);
        List<T> loaded = List.copyOf(load.apply(tenant));
        long stamp = tx.stamp;
        cache.asMap().compute(tenant, (k, old) -> stripes.unchangedSince(stripe, stamp)
                ? new TenantListEntry<>(loaded, stamp) : old);
        return loaded;
    }

    /** What {@link #fromCachesAlone} returns when the caches could not serve the work. */
    private static final Object NEEDS_STORAGE = new Object();

    /**
     * Runs read-only work against the caches alone, without opening a storage transaction: a work
     * served entirely by cache hits (the common case for hot reads) then costs no pooled connection
     * and no database round trip. The first store call the caches cannot answer aborts the attempt
     * (an internal exception the work never sees through a store) and the caller runs the work again
     * in a real transaction. Counters of the aborted attempt are dropped, so hit rates stay exact.
     * Read-only work is side-effect free (the SPI's contract), so running it twice is safe, as it
     * already is under the adapters' transaction retries.
     *
     * <p>This is the hot path of every cached read, so it allocates as little as it can: one
     * transaction object that holds the attempt's counters, and the stores' views.
     *
     * @return the work's result, or {@link #NEEDS_STORAGE}
     */
    private @Nullable Object fromCachesAlone(StorageWork<?> work) {
        Tx probe = new Tx(TransactionMode.READ_ONLY, stripes.current(), false, true);
        Object result;
        try {
            result = work.execute(new CachingStores(StorageNeeded.STORES, probe));
        } catch (StorageNeeded miss) {
            return NEEDS_STORAGE;
        }
        probe.countPending(this::count);
        return result;
    }

    /** Unsubscribes from the bus and closes the delegate unless it was wrapped as shared. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (subscription != null) {
            subscription.close();
        }
        logStats("closing");
        if (closeDelegate) {
            delegate.close();
        }
    }

    @Override
    public String toString() {
        return "CachingStorageProvider[" + delegate + ", " + settings + "]";
    }

    /** Test hook: receives every DEBUG template and its arguments, whatever the log level. */
    void debugTap(@Nullable BiConsumer<String, Object[]> tap) {
        this.debugTap = tap;
    }

    // ---- invalidation --------------------------------------------------------------------------

    private void invalidateWritten(Tx tx, String when) {
        InvalidationBus bus = settings.invalidationBus();
        int removed = 0;
        Writes w = tx.writes();
        for (Customer c : w.customers.values()) {
            List<Integer> keyFingerprints = keyFingerprints(c);
            removed += invalidateCustomer(c.tenant(), c.id(), keyFingerprints);
            for (ContactPoint p : c.contacts()) {
                removed += remove(lookups, LookupKey.contact(c.tenant(), p.type(), p.value()), lookupCounters);
            }
            for (ExternalId x : c.externalIds()) {
                removed += remove(lookups, LookupKey.external(c.tenant(), x), lookupCounters);
            }
            publish(bus, new Invalidation(Invalidation.Kind.CUSTOMER, c.tenant(), c.id().toString(), c.version(),
                    keyFingerprints, origin));
        }
        for (Map.Entry<TagId, TenantId> t : w.tags.entrySet()) {
            removed += invalidateTags(t.getValue());
            publish(bus, new Invalidation(Invalidation.Kind.TAG, t.getValue(), t.getKey().toString(), 0, List.of(),
                    origin));
        }
        for (MemberAccount a : w.accounts.values()) {
            removed += invalidateAccounts(a.tenant(), a.customer(), a.program());
            publish(bus, new Invalidation(Invalidation.Kind.LOYALTY_ACCOUNT, a.tenant(), a.customer().toString(),
                    a.version(), List.of(), origin));
        }
        for (ProgramKey k : w.programs) {
            removed += invalidatePrograms(k.tenant());
            publish(bus, new Invalidation(Invalidation.Kind.LOYALTY_PROGRAM, k.tenant(), k.program().value(), 0,
                    List.of(), origin));
        }
        debug("cache {}: {} customer(s), {} tag(s), {} loyalty account(s) and {} loyalty program(s) written, "
                + "{} entries invalidated {}", delegate.name(), w.customers.size(), w.tags.size(),
                w.accounts.size(), w.programs.size(), removed, when);
    }

    private int invalidateCustomer(TenantId tenant, CustomerId id, List<Integer> keyFingerprints) {
        stripes.bump(KeyFingerprints.customer(tenant, id));
        for (int f : keyFingerprints) {
            stripes.bump(f);
        }
        // Lookups that returned this customer are invalid by their stripes and age out.
        return remove(customers, new CustomerKey(tenant, id), customerCounters);
    }

    private int invalidateTags(TenantId tenant) {
        stripes.bump(KeyFingerprints.tags(tenant));
        return remove(tagLists, tenant, tagCounters);
    }

    /**
     * Invalidates every cached account of the member (all programs, by their stripe) and removes the
     * entry of {@code program} when it is known (local writes); remote messages name no program, so
     * their stale entries are invalid at once and replaced on the next read or aged out.
     */
    private int invalidateAccounts(TenantId tenant, CustomerId customer, @Nullable ProgramId program) {
        stripes.bump(KeyFingerprints.loyaltyMember(tenant, customer));
        return program == null ? 0 : remove(loyaltyAccounts, new AccountKey(tenant, program, customer), accountCounters);
    }

    private int invalidatePrograms(TenantId tenant) {
        stripes.bump(KeyFingerprints.loyaltyPrograms(tenant));
        return remove(loyaltyPrograms, tenant, programCounters);
    }

    private void publish(@Nullable InvalidationBus bus, Invalidation message) {
        if (bus == null) {
            return;
        }
        try {
            bus.publish(message);
        } catch (RuntimeException e) {
            LOG.warn("cache {}: publishing invalidation of {} {} in tenant {} failed; other instances rely on TTLs",
                    delegate.name(), message.kind(), message.id(), message.tenant(), e);
        }
    }

    private static List<Integer> keyFingerprints(Customer c) {
        Set<Integer> fps = new LinkedHashSet<>();
        for (ContactPoint p : c.contacts()) {
            fps.add(KeyFingerprints.contact(c.tenant(), p.type(), p.value()));
        }
        for (ExternalId x : c.externalIds()) {
            fps.add(KeyFingerprints.externalId(c.tenant(), x));
        }
        return List.copyOf(fps);
    }

    /** Applies other instances' writes. */
    private final class BusListener implements InvalidationBus.Listener {
        @Override
        public void onInvalidation(Invalidation m) {
            if (m.origin().equals(origin) || closed.get()) {
                return;
            }
            int removed;
            switch (m.kind()) {
                case CUSTOMER:
                    CustomerId id;
                    try {
                        id = CustomerId.of(m.id());
                    } catch (IllegalArgumentException notAUuid) {
                        LOG.warn("cache {}: ignoring invalidation with a malformed customer id", delegate.name());
                        return;
                    }
                    removed = invalidateCustomer(m.tenant(), id, m.keyFingerprints());
                    break;
                case TAG:
                    removed = invalidateTags(m.tenant());
                    break;
                case LOYALTY_ACCOUNT:
                    CustomerId member;
                    try {
                        member = CustomerId.of(m.id());
                    } catch (IllegalArgumentException notAUuid) {
                        LOG.warn("cache {}: ignoring loyalty invalidation with a malformed customer id", delegate.name());
                        return;
                    }
                    removed = invalidateAccounts(m.tenant(), member, null);
                    break;
                case LOYALTY_PROGRAM:
                    removed = invalidatePrograms(m.tenant());
                    break;
                default:
                    return;
            }
            debug("cache {}: remote invalidation of {} {} v{} in tenant {}, {} entries removed", delegate.name(),
                    m.kind(), m.id(), m.version(), m.tenant(), removed);
        }

        @Override
        public void onGap() {
            invalidateAll();
        }
    }

    // ---- the transaction's view ----------------------------------------------------------------

    /** What one transaction wrote to cached kinds of data, to invalidate after it committed. */
    private static final class Writes {
        final Map<CustomerKey, Customer> customers = new LinkedHashMap<>();
        final Map<TagId, TenantId> tags = new LinkedHashMap<>();
        final Map<AccountKey, MemberAccount> accounts = new LinkedHashMap<>();
        final Set<ProgramKey> programs = new LinkedHashSet<>();

        boolean isEmpty() {
            return customers.isEmpty() && tags.isEmpty() && accounts.isEmpty() && programs.isEmpty();
        }
    }

    /**
     * Per-transaction state; used by the one thread running the work. Allocates nothing more until
     * the work writes (most units of work only read).
     */
    private static final class Tx {
        private static final Writes NONE = new Writes();

        final TransactionMode mode;
        final long stamp;
        final boolean fresh;
        /** A cache-only attempt: its counters wait until it is known to have served the work. */
        final boolean probe;
        private @Nullable Writes writes;
        /** Wrote something no cache holds (ledger entries, lots, ...): reads now bypass, nothing to invalidate. */
        boolean wroteUncached;
        @Nullable Throwable workFailure;
        private @Nullable LongAdder pendingFirst;
        private @Nullable List<LongAdder> pendingMore;

        Tx(TransactionMode mode, long stamp, boolean fresh) {
            this(mode, stamp, fresh, false);
        }

        Tx(TransactionMode mode, long stamp, boolean fresh, boolean probe) {
            this.mode = mode;
            this.stamp = stamp;
            this.fresh = fresh;
            this.probe = probe;
        }

        void reset() {
            writes = null;
            wroteUncached = false;
            workFailure = null;
        }

        /** What was written so far (an empty, shared view if nothing). */
        Writes writes() {
            return writes == null ? NONE : writes;
        }

        private Writes writing() {
            if (writes == null) {
                writes = new Writes();
            }
            return writes;
        }

        /** Wrote something cached, which must be invalidated after commit. */
        boolean hasWrites() {
            return writes != null && !writes.isEmpty();
        }

        /** Reads committed data only, so what it loads may enter the cache. */
        boolean mayFill() {
            return mode == TransactionMode.READ_ONLY && !hasWrites() && !wroteUncached;
        }

        /** May answer from the cache. */
        boolean mayRead() {
            return mayFill() && !fresh;
        }

        void wrote(Customer c) {
            CustomerKey key = new CustomerKey(c.tenant(), c.id());
            Map<CustomerKey, Customer> written = writing().customers;
            Customer before = written.get(key);
            if (before == null || before.version() <= c.version()) {
                written.put(key, c);
            }
        }

        void wrote(MemberAccount a) {
            AccountKey key = new AccountKey(a.tenant(), a.program(), a.customer());
            Map<AccountKey, MemberAccount> written = writing().accounts;
            MemberAccount before = written.get(key);
            if (before == null || before.version() <= a.version()) {
                written.put(key, a);
            }
        }

        void wroteTag(Tag tag) {
            writing().tags.put(tag.id(), tag.tenant());
        }

        void wroteProgram(ProgramKey program) {
            writing().programs.add(program);
        }

        /** Holds a counter increment of a cache-only attempt until the attempt has served the work. */
        void pend(LongAdder counter) {
            if (pendingFirst == null) {
                pendingFirst = counter;
            } else {
                if (pendingMore == null) {
                    pendingMore = new ArrayList<>();
                }
                pendingMore.add(counter);
            }
        }

        void countPending(java.util.function.Consumer<LongAdder> count) {
            if (pendingFirst != null) {
                count.accept(pendingFirst);
            }
            if (pendingMore != null) {
                pendingMore.forEach(count);
            }
        }
    }

    private final class CachingStores implements Stores {
        private final Stores stores;
        private final Tx tx;

        CachingStores(Stores stores, Tx tx) {
            this.stores = stores;
            this.tx = tx;
        }

        private @Nullable CachingCustomerStore customers;

        @Override
        public CustomerStore customers() {
            CachingCustomerStore c = customers;
            if (c == null) {
                c = new CachingCustomerStore(stores.customers(), tx);
                customers = c;
            }
            return c;
        }

        @Override
        public InteractionStore interactions() {
            return stores.interactions();
        }

        @Override
        public PurchaseStore purchases() {
            return stores.purchases();
        }

        @Override
        public TagStore tags() {
            return new CachingTagStore(stores.tags(), tx);
        }

        @Override
        public LoyaltyStore loyalty() {
            return new CachingLoyaltyStore(stores.loyalty(), tx);
        }
    }

    private final class CachingCustomerStore implements CustomerStore {
        private final CustomerStore store;
        private final Tx tx;

        CachingCustomerStore(CustomerStore store, Tx tx) {
            this.store = store;
            this.tx = tx;
        }

        @Override
        public Optional<Customer> findById(TenantId tenant, CustomerId id) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(id, "id");
            Cache<CustomerKey, CustomerEntry> cache = customers;
            if (cache == null) {
                return store.findById(tenant, id);
            }
            CustomerKey key = new CustomerKey(tenant, id);
            if (!tx.mayRead()) {
                customerCounters.bypasses.increment();
                Optional<Customer> loaded = store.findById(tenant, id);
                if (tx.mayFill()) {
                    fill(key, loaded.orElse(null), tx.stamp);
                }
                return loaded;
            }
            CustomerEntry e = cache.getIfPresent(key);
            if (e != null && valid(e) && unexpired(cache, key, e, e.deadline, customerCounters)) {
                record(tx, customerCounters.hits);
                return Optional.ofNullable(e.customer);
            }
            record(tx, customerCounters.misses);
            Optional<Customer> loaded = store.findById(tenant, id);
            fill(key, loaded.orElse(null), tx.stamp);
            return loaded;
        }

        @Override
        public List<Customer> findByContact(TenantId tenant, ContactType type, String value) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
            return lookup(LookupKey.contact(tenant, type, value), () -> store.findByContact(tenant, type, value));
        }

        @Override
        public Optional<Customer> findByExternalId(TenantId tenant, ExternalId externalId) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(externalId, "externalId");
            List<Customer> found = lookup(LookupKey.external(tenant, externalId),
                    () -> store.findByExternalId(tenant, externalId).map(List::of).orElse(List.of()));
            return found.stream().findFirst();
        }

        private List<Customer> lookup(LookupKey key, java.util.function.Supplier<List<Customer>> load) {
            Cache<LookupKey, LookupEntry> cache = lookups;
            if (cache == null) {
                return load.get();
            }
            if (tx.mayRead()) {
                LookupEntry e = cache.getIfPresent(key);
                if (e != null && valid(e) && unexpired(cache, key, e, e.deadline, lookupCounters)) {
                    record(tx, lookupCounters.hits);
                    return e.customers;
                }
                record(tx, lookupCounters.misses);
            } else {
                lookupCounters.bypasses.increment();
            }
            List<Customer> loaded = load.get();
            if (tx.mayFill()) {
                fillLookup(key, loaded, tx.stamp);
            }
            return loaded;
        }

        @Override
        public void insert(Customer customer) {
            tx.wrote(customer);
            store.insert(customer);
        }

        @Override
        public void insertAll(List<Customer> list) {
            list.forEach(tx::wrote);
            store.insertAll(list);
        }

        @Override
        public void update(Customer customer) {
            tx.wrote(customer);
            store.update(customer);
        }

        @Override
        public List<Customer> query(TenantId tenant, CustomerQuery query, @Nullable CustomerKeyset after, int limit) {
            return store.query(tenant, query, after, limit);
        }

        @Override
        public long count(TenantId tenant, CustomerQuery query) {
            return store.count(tenant, query);
        }
    }

    private final class CachingTagStore implements TagStore {
        private final TagStore store;
        private final Tx tx;

        CachingTagStore(TagStore store, Tx tx) {
            this.store = store;
            this.tx = tx;
        }

        @Override
        public void insert(Tag tag) {
            tx.wroteTag(tag);
            store.insert(tag);
        }

        @Override
        public Optional<Tag> findById(TenantId tenant, TagId id) {
            Objects.requireNonNull(id, "id");
            List<Tag> tags = cachedList(tenant);
            if (tags == null) {
                return store.findById(tenant, id);
            }
            return tags.stream().filter(t -> t.id().equals(id)).findFirst();
        }

        @Override
        public Optional<Tag> findByName(TenantId tenant, String name) {
            Objects.requireNonNull(name, "name");
            List<Tag> tags = cachedList(tenant);
            if (tags != null) {
                Optional<Tag> exact = tags.stream().filter(t -> t.name().equals(name)).findFirst();
                if (exact.isPresent()) {
                    return exact;
                }
            }
            // An adapter may match names more loosely (e.g. a case-insensitive collation): ask it.
            return store.findByName(tenant, name);
        }

        @Override
        public List<Tag> list(TenantId tenant) {
            List<Tag> tags = cachedList(tenant);
            return tags != null ? tags : store.list(tenant);
        }

        /** The tenant's tag list from the cache (loading it on a miss), or null to read through. */
        private @Nullable List<Tag> cachedList(TenantId tenant) {
            Objects.requireNonNull(tenant, "tenant");
            return cachedTenantList(tagLists, tagCounters, tx, tenant, KeyFingerprints.tags(tenant), store::list);
        }
    }

    /**
     * Caches {@link #findAccount}, {@link #findProgram} and {@link #programs}; records the writes that
     * change them. {@link #lockAccount} and everything else go straight to storage.
     */
    private final class CachingLoyaltyStore implements LoyaltyStore {
        private final LoyaltyStore store;
        private final Tx tx;

        CachingLoyaltyStore(LoyaltyStore store, Tx tx) {
            this.store = store;
            this.tx = tx;
        }

        // ---- cached reads

        @Override
        public Optional<MemberAccount> findAccount(TenantId tenant, ProgramId program, CustomerId customer) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(program, "program");
            Objects.requireNonNull(customer, "customer");
            Cache<AccountKey, AccountEntry> cache = loyaltyAccounts;
            if (cache == null) {
                return store.findAccount(tenant, program, customer);
            }
            AccountKey key = new AccountKey(tenant, program, customer);
            if (!tx.mayRead()) {
                accountCounters.bypasses.increment();
                Optional<MemberAccount> loaded = store.findAccount(tenant, program, customer);
                if (tx.mayFill()) {
                    fillAccount(key, loaded.orElse(null), tx.stamp);
                }
                return loaded;
            }
            AccountEntry e = cache.getIfPresent(key);
            if (e != null && valid(e) && unexpired(cache, key, e, e.deadline, accountCounters)) {
                record(tx, accountCounters.hits);
                return Optional.ofNullable(e.account);
            }
            record(tx, accountCounters.misses);
            Optional<MemberAccount> loaded = store.findAccount(tenant, program, customer);
            fillAccount(key, loaded.orElse(null), tx.stamp);
            return loaded;
        }

        @Override
        public Optional<LoyaltyProgram> findProgram(TenantId tenant, ProgramId id) {
            Objects.requireNonNull(id, "id");
            List<LoyaltyProgram> cached = cachedPrograms(tenant);
            if (cached != null) {
                for (LoyaltyProgram p : cached) {
                    if (p.id().equals(id)) {
                        return Optional.of(p);
                    }
                }
            }
            // Not in the list: an adapter may match ids more loosely (a case-insensitive collation),
            // and "no such program" is an error path anyway: ask it.
            return store.findProgram(tenant, id);
        }

        @Override
        public List<LoyaltyProgram> programs(TenantId tenant) {
            List<LoyaltyProgram> cached = cachedPrograms(tenant);
            return cached != null ? cached : store.programs(tenant);
        }

        /** The tenant's programs from the cache (loading them on a miss), or null to read through. */
        private @Nullable List<LoyaltyProgram> cachedPrograms(TenantId tenant) {
            Objects.requireNonNull(tenant, "tenant");
            return cachedTenantList(loyaltyPrograms, programCounters, tx, tenant,
                    KeyFingerprints.loyaltyPrograms(tenant), store::programs);
        }

        // ---- recorded writes (recorded before they are attempted)

        @Override
        public void saveProgram(TenantId tenant, LoyaltyProgram program) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(program, "program");
            tx.wroteProgram(new ProgramKey(tenant, program.id()));
            store.saveProgram(tenant, program);
        }

        @Override
        public void insertAccount(MemberAccount account) {
            Objects.requireNonNull(account, "account");
            tx.wrote(account);
            store.insertAccount(account);
        }

        @Override
        public void updateAccount(MemberAccount account, long expectedVersion) {
            Objects.requireNonNull(account, "account");
            tx.wrote(account);
            store.updateAccount(account, expectedVersion);
        }

        @Override
        public void appendEntry(LedgerEntry entry) {
            tx.wroteUncached = true;
            store.appendEntry(entry);
        }

        @Override
        public void insertLot(Lot lot) {
            tx.wroteUncached = true;
            store.insertLot(lot);
        }

        @Override
        public void updateLotRemaining(TenantId tenant, LedgerEntryId lot, long remaining) {
            tx.wroteUncached = true;
            store.updateLotRemaining(tenant, lot, remaining);
        }

        @Override
        public void insertCommand(LoyaltyCommandRecord record) {
            tx.wroteUncached = true;
            store.insertCommand(record);
        }

        @Override
        public void appendTierChange(TierChange change) {
            tx.wroteUncached = true;
            store.appendTierChange(change);
        }

        // ---- never cached

        /** Always storage: the engine locks and then writes on what this returns. */
        @Override
        public Optional<MemberAccount> lockAccount(TenantId tenant, ProgramId program, CustomerId customer) {
            return store.lockAccount(tenant, program, customer);
        }

        @Override
        public List<MemberAccount> accounts(TenantId tenant, ProgramId program, @Nullable MemberAccountId after,
                                            int limit) {
            return store.accounts(tenant, program, after, limit);
        }

        @Override
        public List<LedgerEntry> entries(TenantId tenant, MemberAccountId account) {
            return store.entries(tenant, account);
        }

        /** Forwarded explicitly: the adapter's override (an indexed query) must not be lost to the default. */
        @Override
        public List<LedgerEntry> entriesSince(TenantId tenant, MemberAccountId account, Instant from) {
            return store.entriesSince(tenant, account, from);
        }

        /** Forwarded explicitly, like {@link #entriesSince}: the adapter's aggregate query, not the default. */
        @Override
        public LedgerTotals ledgerTotals(TenantId tenant, MemberAccountId account, Instant from, Instant to) {
            return store.ledgerTotals(tenant, account, from, to);
        }

        /** Forwarded explicitly, like {@link #entriesSince}: the adapter's indexed query, not the default. */
        @Override
        public List<Lot> dueLots(TenantId tenant, MemberAccountId account, Instant at) {
            return store.dueLots(tenant, account, at);
        }

        @Override
        public Optional<LedgerEntry> findEntry(TenantId tenant, LedgerEntryId id) {
            return store.findEntry(tenant, id);
        }

        @Override
        public List<LedgerEntry> reversalsOf(TenantId tenant, LedgerEntryId entry) {
            return store.reversalsOf(tenant, entry);
        }

        @Override
        public Optional<Lot> findLot(TenantId tenant, LedgerEntryId lot) {
            return store.findLot(tenant, lot);
        }

        @Override
        public List<Lot> openLots(TenantId tenant, MemberAccountId account) {
            return store.openLots(tenant, account);
        }

        @Override
        public Optional<LoyaltyCommandRecord> findCommand(TenantId tenant, IdempotencyKey key) {
            return store.findCommand(tenant, key);
        }

        @Override
        public List<TierChange> tierHistory(TenantId tenant, MemberAccountId account) {
            return store.tierHistory(tenant, account);
        }
    }

    // ---- entries and filling -------------------------------------------------------------------

    private boolean valid(CustomerEntry e) {
        return stripes.unchangedSince(e.stripe, e.stamp);
    }

    private boolean valid(LookupEntry e) {
        for (int stripe : e.stripes) {
            if (!stripes.unchangedSince(stripe, e.stamp)) {
                return false;
            }
        }
        return true;
    }

    /** Puts a loaded customer (or its absence) unless the load may be stale or a newer entry is there. */
    private void fill(CustomerKey key, @Nullable Customer loaded, long stamp) {
        Cache<CustomerKey, CustomerEntry> cache = customers;
        if (cache == null || (loaded == null && settings.negativeTtl().isZero())) {
            return;
        }
        int stripe = KeyFingerprints.customer(key.tenant, key.id);
        CustomerEntry entry = new CustomerEntry(loaded, loaded != null ? loaded.version() : 0, stamp, stripe,
                deadline(loaded == null));
        cache.asMap().compute(key, (k, old) -> {
            if (!stripes.unchangedSince(stripe, stamp)) {
                return old;
            }
            if (old != null && valid(old) && old.version > entry.version) {
                return old;
            }
            return entry;
        });
    }

    private boolean valid(AccountEntry e) {
        return stripes.unchangedSince(e.stripe, e.stamp);
    }

    /** Puts a loaded account (or its absence) unless the load may be stale or a newer entry is there. */
    private void fillAccount(AccountKey key, @Nullable MemberAccount loaded, long stamp) {
        Cache<AccountKey, AccountEntry> cache = loyaltyAccounts;
        if (cache == null || (loaded == null && settings.negativeTtl().isZero())) {
            return;
        }
        int stripe = KeyFingerprints.loyaltyMember(key.tenant(), key.customer());
        AccountEntry entry = new AccountEntry(loaded, loaded != null ? loaded.version() : 0, stamp, stripe,
                deadline(loaded == null));
        cache.asMap().compute(key, (k, old) -> {
            if (!stripes.unchangedSince(stripe, stamp)) {
                return old;
            }
            if (old != null && valid(old) && old.version > entry.version) {
                return old;
            }
            return entry;
        });
    }

    private void fillLookup(LookupKey key, List<Customer> loaded, long stamp) {
        Cache<LookupKey, LookupEntry> cache = lookups;
        if (cache == null || (loaded.isEmpty() && settings.negativeTtl().isZero())) {
            return;
        }
        int[] deps = new int[loaded.size() + 1];
        deps[0] = key.fingerprint();
        for (int i = 0; i < loaded.size(); i++) {
            Customer c = loaded.get(i);
            deps[i + 1] = KeyFingerprints.customer(c.tenant(), c.id());
        }
        LookupEntry entry = new LookupEntry(List.copyOf(loaded), stamp, deps, deadline(loaded.isEmpty()));
        cache.asMap().compute(key, (k, old) -> valid(entry) ? entry : old);
        for (Customer c : loaded) {
            fill(new CustomerKey(c.tenant(), c.id()), c, stamp);
        }
    }

    private void record(Tx tx, LongAdder counter) {
        if (tx.probe) {
            tx.pend(counter); // counted only if the cache-only attempt serves the work
            return;
        }
        count(counter);
    }

    private void count(LongAdder counter) {
        counter.increment();
        requests.increment();
        if (LOG.isDebugEnabled() && requests.sum() % STATS_LOG_EVERY == 0) {
            logStats("periodic");
        }
    }

    private void logStats(String when) {
        if (!LOG.isDebugEnabled() && debugTap == null) {
            return;
        }
        for (CacheStats s : stats()) {
            debug("cache {} {} stats ({}): hitRate={} hits={} misses={} bypasses={} evictions={} invalidations={} size={}",
                    delegate.name(), s.cache(), when, String.format(java.util.Locale.ROOT, "%.3f", s.hitRate()),
                    s.hits(), s.misses(), s.bypasses(), s.evictions(), s.invalidations(), s.size());
        }
    }

    private void debug(String template, Object... args) {
        BiConsumer<String, Object[]> tap = debugTap;
        if (tap != null) {
            tap.accept(template, args.clone());
        }
        LOG.debug(template, args);
    }

    private static <K> int remove(@Nullable Cache<K, ?> cache, K key, Counters counters) {
        if (cache == null || cache.asMap().remove(key) == null) {
            return 0;
        }
        counters.invalidations.increment();
        return 1;
    }

    private static void clear(@Nullable Cache<?, ?> cache, Counters counters) {
        if (cache != null) {
            counters.invalidations.add(cache.estimatedSize());
            cache.invalidateAll();
        }
    }

    /**
     * One cache: bounded by size, entries expire a fixed time after they were written. Maintenance
     * (eviction, expiry bookkeeping) runs on the calling thread, amortised by Caffeine's buffers:
     * handing it to a pool cost more than it saved when measured on two cores. A fixed time-to-live
     * costs a hit about half of Caffeine's per-entry (variable) expiry, so the shorter life of "not
     * found" entries is their own deadline, checked on a hit ({@link #unexpired}). Evictions are
     * counted by a listener rather than Caffeine's per-read statistics, which the decorator's own
     * hit/miss counters make redundant.
     */
    private <K, V> @Nullable Cache<K, V> build(long maximumSize, Duration ttl, Counters counters) {
        if (!settings.enabled() || maximumSize == 0) {
            return null;
        }
        return Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .executor(Runnable::run)
                .ticker(ticker)
                .expireAfterWrite(ttl)
                .evictionListener((K key, V value, RemovalCause cause) -> counters.evictions.increment())
                .build();
    }

    /** The deadline of an entry loaded now: a "not found" lives only the negative TTL. */
    private long deadline(boolean negative) {
        return negative ? ticker.read() + negativeTtlNanos : Long.MAX_VALUE;
    }

    /**
     * Whether an entry found in {@code cache} is still within its own deadline; one past it is
     * dropped (if still there) and counted as evicted, as Caffeine counts the entries it expires.
     */
    private <K> boolean unexpired(Cache<K, ?> cache, K key, Object entry, long deadline, Counters counters) {
        if (deadline == Long.MAX_VALUE || ticker.read() - deadline < 0) {
            return true;
        }
        if (cache.asMap().remove(key, entry)) {
            counters.evictions.increment();
        }
        return false;
    }

    private static Ticker tickerOf(Clock clock) {
        if (clock.getClass() == Clock.systemUTC().getClass()) {
            return Ticker.systemTicker();
        }
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    private record CustomerKey(TenantId tenant, CustomerId id) {
    }

    /** A lookup by contact point ({@code kind 'k'}) or external id ({@code 'x'}). */
    private record LookupKey(TenantId tenant, char kind, String type, String value, int fingerprint) {
        static LookupKey contact(TenantId tenant, ContactType type, String value) {
            return new LookupKey(tenant, 'k', type.code(), value, KeyFingerprints.contact(tenant, type, value));
        }

        static LookupKey external(TenantId tenant, ExternalId id) {
            return new LookupKey(tenant, 'x', id.system(), id.value(), KeyFingerprints.externalId(tenant, id));
        }

        @Override
        public String toString() {
            // The value is personal data (an e-mail, a phone number): never printed.
            return "LookupKey[" + tenant + ", " + kind + ":" + type + ", #" + Integer.toHexString(fingerprint) + "]";
        }
    }

    /** A member account's key; the program as the caller spelled it. */
    private record AccountKey(TenantId tenant, ProgramId program, CustomerId customer) {
    }

    /** A program written in a transaction. */
    private record ProgramKey(TenantId tenant, ProgramId program) {
    }

    /** A cached account (or its absence); {@code stripe} is its member's, computed once at fill. */
    private static final class AccountEntry {
        final @Nullable MemberAccount account;
        final long version;
        final long stamp;
        final int stripe;
        /** Ticker time after which the entry is expired, {@code Long.MAX_VALUE} for the cache's TTL only. */
        final long deadline;

        AccountEntry(@Nullable MemberAccount account, long version, long stamp, int stripe, long deadline) {
            this.account = account;
            this.version = version;
            this.stamp = stamp;
            this.stripe = stripe;
            this.deadline = deadline;
        }
    }

    /** A cached customer (or its absence); {@code stripe} is its key's, computed once at fill. */
    private static final class CustomerEntry {
        final @Nullable Customer customer;
        final long version;
        final long stamp;
        final int stripe;
        /** Ticker time after which the entry is expired, {@code Long.MAX_VALUE} for the cache's TTL only. */
        final long deadline;

        CustomerEntry(@Nullable Customer customer, long version, long stamp, int stripe, long deadline) {
            this.customer = customer;
            this.version = version;
            this.stamp = stamp;
            this.stripe = stripe;
            this.deadline = deadline;
        }
    }

    private static final class LookupEntry {
        final List<Customer> customers;
        final long stamp;
        final int[] stripes;
        /** Ticker time after which the entry is expired, {@code Long.MAX_VALUE} for the cache's TTL only. */
        final long deadline;

        LookupEntry(List<Customer> customers, long stamp, int[] stripes, long deadline) {
            this.customers = customers;
            this.stamp = stamp;
            this.stripes = stripes;
            this.deadline = deadline;
        }
    }

    /** A cached whole-tenant list (tags, loyalty programs) and the stamp of the load that produced it. */
    private static final class TenantListEntry<T> {
        final List<T> items;
        final long stamp;

        TenantListEntry(List<T> items, long stamp) {
            this.items = items;
            this.stamp = stamp;
        }
    }

    private static final class Counters {
        final String name;
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder bypasses = new LongAdder();
        final LongAdder invalidations = new LongAdder();
        /** Entries Caffeine removed by size or age (including expired ones it found). */
        final LongAdder evictions = new LongAdder();

        Counters(String name) {
            this.name = name;
        }

        CacheStats snapshot(@Nullable Cache<?, ?> cache) {
            long evictions = 0;
            long size = 0;
            if (cache != null) {
                cache.cleanUp();
                evictions = this.evictions.sum();
                size = cache.estimatedSize();
            }
            return new CacheStats(name, hits.sum(), misses.sum(), bypasses.sum(), evictions, invalidations.sum(), size);
        }
    }
}
