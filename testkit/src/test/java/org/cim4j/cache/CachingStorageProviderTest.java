package org.cim4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.cache.CacheFixtures.OTHER;
import static org.cim4j.cache.CacheFixtures.TENANT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cim4j.DuplicateException;
import org.cim4j.StorageUnavailableException;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.spi.TransactionMode;
import org.cim4j.tag.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CachingStorageProviderTest {
    private final CacheFixtures fx = new CacheFixtures(7);
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        storage.close();
    }

    private CachingStorageProvider cached(CacheSettings settings) {
        return cached(storage, settings);
    }

    private CachingStorageProvider cached(StorageProvider delegate, CacheSettings settings) {
        CachingStorageProvider p = CachingStorageProvider.wrap(delegate, settings, fx.clock, false);
        toClose.add(p);
        return p;
    }

    private static Customer store(StorageProvider p, Customer c) {
        p.write(s -> {
            s.customers().insert(c);
            return null;
        });
        return c;
    }

    private static Customer update(StorageProvider p, Customer next) {
        p.write(s -> {
            s.customers().update(next);
            return null;
        });
        return next;
    }

    private static Optional<Customer> find(StorageProvider p, Customer c) {
        return p.read(s -> s.customers().findById(c.tenant(), c.id()));
    }

    private static <T> Optional<T> readOptional(StorageProvider p, StorageWork<Optional<T>> work) {
        return p.read(work);
    }

    private static <T> List<T> readList(StorageProvider p, StorageWork<List<T>> work) {
        return p.read(work);
    }

    private static CacheStats stats(CachingStorageProvider p, String cache) {
        return p.stats().stream().filter(s -> s.cache().equals(cache)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("the second read of a customer is answered from the cache")
    void findById_secondReadHits() {
        CachingStorageProvider p = cached(CacheSettings.defaults());
        Customer c = store(p, fx.customer(TENANT, "A", "a@example.com"));

        assertThat(find(p, c)).contains(c);
        assertThat(find(p, c)).contains(c);

        CacheStats s = stats(p, "customers");
        assertThat(s.misses()).isEqualTo(1);
        assertThat(s.hits()).isEqualTo(1);
        assertThat(s.hitRate()).isEqualTo(0.5);
        assertThat(s.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("an update is invalidated after its commit, not before, and the next read sees it")
    void update_invalidatesAfterCommit() {
        CachingStorageProvider p = cached(CacheSettings.defaults());
        Customer c = store(p, fx.customer(TENANT, "A", "a@example.com"));
        find(p, c);
        Customer v2 = fx.next(c.withStage(LifecycleStage.ACTIVE));

        long invalidationsInsideWork = p.write(s -> {
            s.customers().update(v2);
            return stats(p, "customers").invalidations();
        });

        assertThat(invalidationsInsideWork).isZero();
        assertThat(stats(p, "customers").invalidations()).isEqualTo(1);
        assertThat(find(p, c)).contains(v2);
    }

    @Test
    @DisplayName("a rolled-back write leaves the cache as it was, and reads return the stored data")
    void rolledBackWrite_leavesCacheAsItWas() {
        CachingStorageProvider p = cached(CacheSettings.defaults());
        Customer c = store(p, fx.customer(TENANT, "A", "a@example.com"));
        find(p, c);
        RuntimeException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> p.write(s -> {
            s.customers().update(fx.next(c.withStage(LifecycleStage.CHURNED)));
            throw boom;
        })).isSameAs(boom);

        assertThat(stats(p, "customers").invalidations()).isZero();
        assertThat(find(p, c)).contains(c);
        assertThat(stats(p, "customers").hits()).isEqualTo(1);
        assertThat(find(storage, c)).contains(c);
    }

    @Test
    @DisplayName("a write whose commit failed with an unknown outcome is invalidated anyway")
    void failedCommit_invalidatesConservatively() {
        CommitFailingStorage failing = new CommitFailingStorage(storage);
        CachingStorageProvider p = cached(failing, CacheSettings.defaults());
        Customer c = store(p, fx.customer(TENANT, "A", "a@example.com"));
        find(p, c);
        Customer v2 = fx.next(c.withStage(LifecycleStage.ACTIVE));

        failing.failNextCommit = true;
        assertThatThrownBy(() -> update(p, v2)).isInstanceOf(StorageUnavailableException.class);

        assertThat(find(p, c)).contains(v2);
    }

    @Test
    @DisplayName("a read-write transaction reads its own writes and never fills the cache")
    void readWriteTransaction_readsThrough() {
        CachingStorageProvider p = cached(CacheSettings.defaults());
        Customer c = fx.customer(TENANT, "A", "a@example.com");

        Optional<Customer> inside = p.write(s -> {
            s.customers().insert(c);
            return s.customers().findById(TENANT, c.id());
        });

        assertThat(inside).contains(c);
        CacheStats s = stats(p, "customers");
        assertThat(s.bypasses()).isEqualTo(1);
        assertThat(s.size()).isZero();
        assertThatThrownBy(() -> p.write(tx -> {
            tx.customers().insert(c);
            return null;
        })).isInstanceOf(DuplicateException.class);
    }

    @Test
    @DisplayName("a load that read old data before a write committed never overwrites the newer state")
    void staleLoad_cannotOverwriteNewerEntry() throws Exception {
        SlowReadStorage slow = new SlowReadStorage(storage);
        CachingStorageProvider p = cached(slow, CacheSettings.defaults());
        Customer v1 = store(p, fx.customer(TENANT, "A", "a@example.com"));
        Customer v2 = fx.next(v1.withStage(LifecycleStage.ACTIVE));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            slow.blockNextRead();
            Future<Optional<Customer>> staleReader = pool.submit(() -> find(p, v1));
            slow.awaitBlockedRead();              // the reader holds v1 and has not filled yet

            update(p, v2);                        // commits and invalidates meanwhile
            assertThat(find(p, v1)).contains(v2); // a fresh load fills v2
            slow.release();
            assertThat(staleReader.get(10, TimeUnit.SECONDS)).contains(v1);

            assertThat(find(p, v1)).contains(v2);
            assertThat(stats(p, "customers").hits()).isEqualTo(1);
        } finally {
            slow.release();
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a stale load that lands after the invalidation is not served")
    void staleLoad_afterInvalidation_isNotServed() throws Exception {
        SlowReadStorage slow = new SlowReadStorage(storage);
        CachingStorageProvider p = cached(slow, CacheSettings.defaults());
        Customer v1 = store(p, fx.customer(TENANT, "A", "a@example.com"));
        Customer v2 = fx.next(v1.withStage(LifecycleStage.ACTIVE));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            slow.blockNextRead();
            Future<Optional<Customer>> staleReader = pool.submit(() -> find(p, v1));
            slow.awaitBlockedRead();
            update(p, v2);
            slow.release();
            assertThat(staleReader.get(10, TimeUnit.SECONDS)).contains(v1);

            assertThat(find(p, v1)).contains(v2);
        } finally {
            slow.release();
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("'not found' is cached only for the negative TTL")
    void negativeLookup_expiresAfterNegativeTtl() {
        CachingStorageProvider p = cached(CacheSettings.builder().negativeTtl(Duration.ofSeconds(5)).build());
        Customer c = fx.customer(TENANT, "A", "a@example.com");
        assertThat(find(p, c)).isEmpty();
        store(storage, c); // another writer without a bus: this instance cannot know

        assertThat(find(p, c)).isEmpty();
        fx.clock.advance(Duration.ofSeconds(4));
        assertThat(find(p, c)).isEmpty();
        fx.clock.advance(Duration.ofSeconds(1));
        assertThat(find(p, c)).contains(c);
        assertThat(stats(p, "customers").evictions()).isEqualTo(1);
    }

    @Test
    @DisplayName("a zero negative TTL never caches 'not found'")
    void negativeLookup_zeroTtl_notCached() {
        CachingStorageProvider p = cached(CacheSettings.builder().negativeTtl(Duration.ZERO).build());
        Customer c = fx.customer(TENANT, "A", "a@example.com");
        assertThat(find(p, c)).isEmpty();
        store(storage, c);
        assertThat(find(p, c)).contains(c);
        assertThat(readList(p, s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "b@example.com"))).isEmpty();
        assertThat(stats(p, "lookups").size()).isZero();
    }

    @Test
    @DisplayName("customers expire after the customer TTL")
    void customer_expiresAfterTtl() {
        CachingStorageProvider p = cached(CacheSettings.builder().customerTtl(Duration.ofMinutes(5)).build());
        Customer c = store(p, fx.customer(TENANT, "A", "a@example.com"));
        find(p, c);
        Customer v2 = update(storage, fx.next(c.withStage(LifecycleStage.ACTIVE)));

        fx.clock.advance(Duration.ofMinutes(5).minusNanos(1000));
        assertThat(find(p, c)).contains(c);
        fx.clock.advance(Duration.ofNanos(1000));
        assertThat(find(p, c)).contains(v2);
    }

    @Test
    @DisplayName("the size bound evicts and counts evictions")
    void sizeBound_evicts() {
        CachingStorageProvider p = cached(CacheSettings.builder().customerMaximumSize(2).build());
        List<Customer> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(store(p, fx.customer(TENANT, "C" + i, "c" + i + "@example.com")));
        }
        all.forEach(c -> assertThat(find(p, c)).contains(c));

        CacheStats s = stats(p, "customers");
        assertThat(s.size()).isLessThanOrEqualTo(2);
        assertThat(s.evictions()).isGreaterThanOrEqualTo(3);
        assertThat(s.misses()).isEqualTo(5);
    }

    @Test
    @DisplayName("lookups by contact and external id are cached and follow their customer's changes")
    void lookups_followCustomerChanges() {
        CachingStorageProvider p = cached(CacheSettings.defaults());
        ExternalId pos = ExternalId.of("pos:member", "88231");
        Customer c = store(p, fx.customer(TENANT, "A", "a@example.com", pos));

        assertThat(readList(p, s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "a@example.com")))
                .containsExactly(c);
        assertThat(readOptional(p, s -> s.customers().findByExternalId(TENANT, pos))).contains(c);
        assertThat(readOptional(p, s -> s.customers().findByExternalId(TENANT, pos))).contains(c);
        assertThat(readList(p, s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "b@example.com"))).isEmpty();
        assertThat(stats(p, "lookups").hits()).isEqualTo(1);

        Customer v2 = update(p, fx.next(c.withContacts(List.of(ContactPoint.email("b@example.com")))
                .withExternalIds(java.util.Set.of())));

        assertThat(readList(p, s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "a@example.com"))).isEmpty();
        assertThat(readList(p, s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "b@example.com")))
                .containsExactly(v2);
        assertThat(readOptional(p, s -> s.customers().findByExternalId(TENANT, pos))).isEmpty();
        // A lookup also fills the by-id cache.
        assertThat(find(p, c)).contains(v2);
    }

    @Test
    @DisplayName("tag lists are cached per tenant and answer lookups by id and name")
    void tags_cachedPerTenant() {
        CachingStorageProvider p = cached(CacheSettings.defaults());
        Tag vip = fx.tag(TENANT, "VIP");
        p.write(s -> {
            s.tags().insert(vip);
            return null;
        });

        assertThat(readList(p, s -> s.tags().list(TENANT))).containsExactly(vip);
        assertThat(readOptional(p, s -> s.tags().findById(TENANT, vip.id()))).contains(vip);
        assertThat(readOptional(p, s -> s.tags().findByName(TENANT, "VIP"))).contains(vip);
        assertThat(readOptional(p, s -> s.tags().findByName(TENANT, "vip"))).isEmpty();
        assertThat(readList(p, s -> s.tags().list(OTHER))).isEmpty();
        assertThat(readOptional(p, s -> s.tags().findById(OTHER, vip.id()))).isEmpty();
        assertThat(stats(p, "tagLists").hits()).isEqualTo(4);

        Tag gold = fx.tag(TENANT, "Gold");
        p.write(s -> {
            s.tags().insert(gold);
            return null;
        });
        assertThat(readList(p, s -> s.tags().list(TENANT))).containsExactly(gold, vip);
    }

    @Test
    @DisplayName("tenants never see each other's cached customers")
    void tenantIsolation() {
        CachingStorageProvider p = cached(CacheSettings.defaults());
        Customer c = store(p, fx.customer(TENANT, "A", "a@example.com"));
        find(p, c);
        assertThat(readOptional(p, s -> s.customers().findById(OTHER, c.id()))).isEmpty();
        assertThat(readList(p, s -> s.customers().findByContact(OTHER, ContactType.EMAIL, "a@example.com"))).isEmpty();
    }

    @Test
    @DisplayName("a fresh read bypasses the cache and refreshes it")
    void freshRead_bypassesAndRefreshes() {
        CachingStorageProvider p = cached(CacheSettings.defaults());
        Customer c = store(p, fx.customer(TENANT, "A", "a@example.com"));
        find(p, c);
        Customer v2 = update(storage, fx.next(c.withStage(LifecycleStage.ACTIVE)));

        assertThat(find(p, c)).contains(c);
        assertThat(FreshReads.call(() -> find(p, c))).contains(v2);
        assertThat(find(p, c)).contains(v2);
        assertThat(stats(p, "customers").bypasses()).isEqualTo(1);
    }

    @Test
    @DisplayName("with caching off every read goes to storage")
    void off_readsThrough() {
        CachingStorageProvider p = cached(CacheSettings.off());
        Customer c = store(p, fx.customer(TENANT, "A", "a@example.com"));
        find(p, c);
        Customer v2 = update(storage, fx.next(c.withStage(LifecycleStage.ACTIVE)));
        assertThat(find(p, c)).contains(v2);
        assertThat(p.stats()).allSatisfy(s -> assertThat(s.requests() + s.size()).isZero());
    }

    @Test
    @DisplayName("wrapping a cached provider again is refused")
    void wrap_twice() {
        CachingStorageProvider p = cached(CacheSettings.defaults());
        assertThatThrownBy(() -> CachingStorageProvider.wrap(p, CacheSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already cached");
    }

    @Test
    @DisplayName("close closes the delegate unless it was wrapped as shared")
    void close_delegate() {
        InMemoryStorage own = InMemoryStorage.create();
        CachingStorageProvider.wrap(own, CacheSettings.defaults()).close();
        assertThatThrownBy(() -> own.read(s -> null)).isInstanceOf(IllegalStateException.class);

        CachingStorageProvider.wrap(storage, CacheSettings.defaults(), fx.clock, false).close();
        int one = storage.read(s -> 1);
        assertThat(one).isEqualTo(1);
    }

    /** Runs the work, commits, then reports a failure, as a commit that failed to acknowledge would. */
    static final class CommitFailingStorage extends ForwardingStorage {
        volatile boolean failNextCommit;

        CommitFailingStorage(StorageProvider delegate) {
            super(delegate);
        }

        @Override
        public <T> T inTransaction(TransactionMode mode, StorageWork<T> work) {
            T result = super.inTransaction(mode, work);
            if (failNextCommit) {
                failNextCommit = false;
                throw new StorageUnavailableException("commit acknowledgement lost");
            }
            return result;
        }
    }

    /** Holds a read-only load between reading and returning, as a slow snapshot read would. */
    static final class SlowReadStorage extends ForwardingStorage {
        private volatile CountDownLatch blocked = new CountDownLatch(0);
        private volatile CountDownLatch release = new CountDownLatch(0);
        private volatile boolean blockNext;

        SlowReadStorage(StorageProvider delegate) {
            super(delegate);
        }

        void blockNextRead() {
            blocked = new CountDownLatch(1);
            release = new CountDownLatch(1);
            blockNext = true;
        }

        void awaitBlockedRead() throws InterruptedException {
            assertThat(blocked.await(10, TimeUnit.SECONDS)).as("reader reached the load").isTrue();
        }

        void release() {
            release.countDown();
        }

        @Override
        public <T> T inTransaction(TransactionMode mode, StorageWork<T> work) {
            if (mode != TransactionMode.READ_ONLY || !blockNext) {
                return super.inTransaction(mode, work);
            }
            blockNext = false;
            // Read in a short transaction of its own, then hold the result outside any lock, so the
            // writer can commit while this "transaction" still has to deliver its old snapshot.
            return work.execute(new SnapshotStores(delegate, () -> {
                blocked.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
    }

    /** Customer id for messages in tests. */
    static CustomerId id(Customer c) {
        return c.id();
    }
}
