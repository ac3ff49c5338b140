package org.cim4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.testkit.contract.LoyaltyFixtures.TEA_CLUB;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cim4j.Cim4j;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.InsufficientPointsException;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.MemberAccount;
import org.cim4j.loyalty.Points;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.testkit.MutableClock;
import org.cim4j.testkit.contract.LoyaltyFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Loyalty accounts (balance, tier) and programs through the caching decorator: served from the cache
 * on repeated reads, invalidated after committed commands, untouched by rolled-back ones, never used
 * by write transactions, and kept coherent across instances by the bus.
 */
class LoyaltyCacheTest {
    private static final TenantId TENANT = TenantId.of("shop-1");

    private final MutableClock clock = MutableClock.startingAtDefault();
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final InProcessInvalidationBus bus = InProcessInvalidationBus.create();
    private final MultiInstanceCacheTest.RecordingBus recording = new MultiInstanceCacheTest.RecordingBus(bus);
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private int keys;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        storage.close();
    }

    private Cim4j host(CacheSettings settings, long seed) {
        Cim4j crm = Cim4j.builder()
                .sharedStorage(storage)
                .cache(settings)
                .clock(clock)
                .idGenerator(IdGenerator.seeded(clock, seed))
                .tenant(TENANT)
                .build();
        toClose.add(crm);
        return crm;
    }

    /** A cached host on the recording bus (messages are encoded and decoded on the way). */
    private Cim4j cachedHost(long seed) {
        return host(CacheSettings.defaults().withInvalidationBus(recording), seed);
    }

    /** A host without cache and without bus: its writes are announced to nobody. */
    private Cim4j silentHost(long seed) {
        Cim4j crm = Cim4j.builder()
                .sharedStorage(storage)
                .clock(clock)
                .idGenerator(IdGenerator.seeded(clock, seed))
                .tenant(TENANT)
                .build();
        toClose.add(crm);
        return crm;
    }

    private static CachingStorageProvider cache(Cim4j host) {
        return (CachingStorageProvider) host.storage();
    }

    private static CacheStats stats(Cim4j host, String cache) {
        return cache(host).stats().stream().filter(s -> s.cache().equals(cache)).findFirst().orElseThrow();
    }

    private CustomerId member(int n) {
        return LoyaltyFixtures.customer(storage, TENANT, new UUID(0x10, n), clock.instant());
    }

    private IdempotencyKey key() {
        return IdempotencyKey.of("cache-test-" + keys++);
    }

    private void earn(Cim4j host, CustomerId c, long points) {
        host.loyalty().earn(TEA_CLUB, c, Points.of(points), EarnReason.manual("test"), key());
    }

    private void redeem(Cim4j host, CustomerId c, long points) {
        host.loyalty().redeem(TEA_CLUB, c, Points.of(points), null, key());
    }

    private static <T> Optional<T> readOptional(StorageProvider p, StorageWork<Optional<T>> work) {
        return p.read(work);
    }

    private Optional<MemberAccount> stored(CustomerId c) {
        return readOptional(storage, s -> s.loyalty().findAccount(TENANT, TEA_CLUB, c));
    }

    @Test
    @DisplayName("balance, account, benefits, findProgram and programs are served from the cache on repeated reads")
    void repeatedReads_hit() {
        Cim4j a = cachedHost(1);
        a.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = member(1);
        a.loyalty().enrol(TEA_CLUB, c); // sign-up bonus: 50
        CacheStats accountsBefore = stats(a, "loyaltyAccounts");
        CacheStats programsBefore = stats(a, "loyaltyPrograms");

        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(50));
        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(50));
        assertThat(a.loyalty().account(TEA_CLUB, c).tier()).isEqualTo("basic");
        assertThat(a.loyalty().findAccount(TEA_CLUB, c)).isEqualTo(stored(c));
        assertThat(a.loyalty().benefits(TEA_CLUB, c)).isEqualTo(LoyaltyFixtures.teaClub().tiers().entryTier().benefits());
        assertThat(a.loyalty().findProgram(TEA_CLUB)).contains(LoyaltyFixtures.teaClub());
        assertThat(a.loyalty().programs()).containsExactly(LoyaltyFixtures.teaClub());

        CacheStats accounts = stats(a, "loyaltyAccounts");
        assertThat(accounts.misses() - accountsBefore.misses()).isEqualTo(1);
        assertThat(accounts.hits() - accountsBefore.hits()).isEqualTo(4);
        assertThat(accounts.size()).isEqualTo(1);
        CacheStats programs = stats(a, "loyaltyPrograms");
        assertThat(programs.misses() - programsBefore.misses()).isEqualTo(1);
        assertThat(programs.hits() - programsBefore.hits()).isEqualTo(2);
        assertThat(programs.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("committed earn, redeem and tier upgrade are invalidated after commit; the next read sees them")
    void committedCommands_invalidate() {
        Cim4j a = cachedHost(1);
        a.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = member(1);
        a.loyalty().enrol(TEA_CLUB, c);
        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(50));
        long invalidations = stats(a, "loyaltyAccounts").invalidations();

        earn(a, c, 200);
        assertThat(stats(a, "loyaltyAccounts").invalidations()).isEqualTo(invalidations + 1);
        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(250));

        redeem(a, c, 100);
        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(150));
        assertThat(a.loyalty().account(TEA_CLUB, c)).isEqualTo(stored(c).orElseThrow());

        earn(a, c, 1000); // 1,250 earned in the window: silver
        MemberAccount silver = a.loyalty().account(TEA_CLUB, c);
        assertThat(silver.tier()).isEqualTo("silver");
        assertThat(silver.balance()).isEqualTo(1150);
        assertThat(a.loyalty().benefits(TEA_CLUB, c).earnMultiplierPercent()).isEqualTo(110);
        assertThat(silver).isEqualTo(stored(c).orElseThrow());
    }

    @Test
    @DisplayName("'not enrolled' is cached and dropped by the enrolment's commit")
    void enrol_invalidatesNegativeEntry() {
        Cim4j a = cachedHost(1);
        a.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = member(1);
        assertThat(a.loyalty().findAccount(TEA_CLUB, c)).isEmpty();
        assertThat(a.loyalty().findAccount(TEA_CLUB, c)).isEmpty();
        assertThat(stats(a, "loyaltyAccounts").hits()).isEqualTo(1);

        MemberAccount enrolled = a.loyalty().enrol(TEA_CLUB, c);

        assertThat(a.loyalty().findAccount(TEA_CLUB, c)).contains(stored(c).orElseThrow());
        assertThat(a.loyalty().findAccount(TEA_CLUB, c).orElseThrow().id()).isEqualTo(enrolled.id());
    }

    @Test
    @DisplayName("redefining a program is seen by the next findProgram and programs()")
    void defineProgram_invalidatesPrograms() {
        Cim4j a = cachedHost(1);
        LoyaltyProgram v1 = a.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        assertThat(a.loyalty().findProgram(TEA_CLUB)).contains(v1);
        LoyaltyProgram v2 = v1.withEarnOnPurchase(true);

        a.loyalty().defineProgram(v2);

        assertThat(a.loyalty().findProgram(TEA_CLUB)).contains(v2);
        assertThat(a.loyalty().programs()).containsExactly(v2);
        assertThat(stats(a, "loyaltyPrograms").invalidations()).isEqualTo(1);
    }

    @Test
    @DisplayName("a rolled-back write neither poisons the cache nor clears it")
    void rolledBackWrite_leavesCacheAsItWas() {
        Cim4j a = cachedHost(1);
        a.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = member(1);
        a.loyalty().enrol(TEA_CLUB, c);
        MemberAccount v1 = a.loyalty().account(TEA_CLUB, c);
        a.loyalty().programs();
        CachingStorageProvider p = cache(a);
        RuntimeException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> p.write(s -> {
            MemberAccount locked = s.loyalty().lockAccount(TENANT, TEA_CLUB, c).orElseThrow();
            s.loyalty().updateAccount(locked.withBalance(999_999), locked.version());
            s.loyalty().saveProgram(TENANT, LoyaltyFixtures.teaClub().withEarnOnPurchase(true));
            throw boom;
        })).isSameAs(boom);
        // a command that fails inside its transaction: nothing committed
        assertThatThrownBy(() -> redeem(a, c, 4000)).isInstanceOf(InsufficientPointsException.class);

        assertThat(stats(a, "loyaltyAccounts").invalidations()).isZero();
        assertThat(stats(a, "loyaltyPrograms").invalidations()).isZero();
        long hits = stats(a, "loyaltyAccounts").hits();
        assertThat(a.loyalty().account(TEA_CLUB, c)).isEqualTo(v1).isEqualTo(stored(c).orElseThrow());
        assertThat(stats(a, "loyaltyAccounts").hits()).isEqualTo(hits + 1);
        assertThat(a.loyalty().programs()).containsExactly(LoyaltyFixtures.teaClub());
    }

    @Test
    @DisplayName("write transactions never see cached accounts or programs: lockAccount and findAccount read storage")
    void writeTransaction_readsThrough() {
        Cim4j a = cachedHost(1);
        Cim4j silent = silentHost(2);
        a.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = member(1);
        a.loyalty().enrol(TEA_CLUB, c);
        MemberAccount cached = a.loyalty().account(TEA_CLUB, c);
        earn(silent, c, 300); // unannounced: the cache still holds 50
        MemberAccount current = stored(c).orElseThrow();
        assertThat(a.loyalty().account(TEA_CLUB, c)).isEqualTo(cached);
        long bypasses = stats(a, "loyaltyAccounts").bypasses();

        List<Optional<MemberAccount>> seen = cache(a).write(s -> List.of(
                s.loyalty().lockAccount(TENANT, TEA_CLUB, c),
                s.loyalty().findAccount(TENANT, TEA_CLUB, c)));

        assertThat(seen).containsOnly(Optional.of(current));
        assertThat(stats(a, "loyaltyAccounts").bypasses()).isEqualTo(bypasses + 1);
        // an engine command on the stale cached state still computes on the stored one
        earn(a, c, 10);
        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(360));
    }

    @Test
    @DisplayName("a load that read an old account before an earn committed never overwrites the newer state")
    void staleLoad_cannotOverwriteNewerEntry() throws Exception {
        Cim4j writer = silentHost(2);
        writer.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = member(1);
        MemberAccount v1 = writer.loyalty().enrol(TEA_CLUB, c);
        CachingStorageProviderTest.SlowReadStorage slow = new CachingStorageProviderTest.SlowReadStorage(storage);
        CachingStorageProvider p = CachingStorageProvider.wrap(slow, CacheSettings.defaults(), clock, false);
        toClose.add(p);
        StorageWork<Optional<MemberAccount>> find = s -> s.loyalty().findAccount(TENANT, TEA_CLUB, c);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            slow.blockNextRead();
            Future<Optional<MemberAccount>> staleReader = pool.submit(() -> p.read(find));
            slow.awaitBlockedRead();              // the reader holds v1 and has not filled yet

            MemberAccount v2 = p.write(s -> {      // an earn-like write through the cache, committed
                MemberAccount locked = s.loyalty().lockAccount(TENANT, TEA_CLUB, c).orElseThrow();
                MemberAccount next = locked.withBalance(locked.balance() + 100);
                s.loyalty().updateAccount(next, locked.version());
                return next;
            });
            assertThat(readOptional(p, find)).contains(v2); // a fresh load fills v2
            slow.release();
            assertThat(staleReader.get(10, TimeUnit.SECONDS)).contains(v1);

            assertThat(readOptional(p, find)).contains(v2);
            CacheStats s = p.stats().get(3);
            assertThat(s.cache()).isEqualTo("loyaltyAccounts");
            assertThat(s.hits()).isEqualTo(1);
        } finally {
            slow.release();
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a stale account load that lands after the invalidation is not served")
    void staleLoad_afterInvalidation_isNotServed() throws Exception {
        Cim4j writer = silentHost(2);
        writer.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = member(1);
        MemberAccount v1 = writer.loyalty().enrol(TEA_CLUB, c);
        CachingStorageProviderTest.SlowReadStorage slow = new CachingStorageProviderTest.SlowReadStorage(storage);
        CachingStorageProvider p = CachingStorageProvider.wrap(slow, CacheSettings.defaults(), clock, false);
        toClose.add(p);
        StorageWork<Optional<MemberAccount>> find = s -> s.loyalty().findAccount(TENANT, TEA_CLUB, c);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            slow.blockNextRead();
            Future<Optional<MemberAccount>> staleReader = pool.submit(() -> p.read(find));
            slow.awaitBlockedRead();
            MemberAccount v2 = p.write(s -> {
                MemberAccount locked = s.loyalty().lockAccount(TENANT, TEA_CLUB, c).orElseThrow();
                MemberAccount next = locked.withTier("silver", clock.instant(), null);
                s.loyalty().updateAccount(next, locked.version());
                return next;
            });
            slow.release();
            assertThat(staleReader.get(10, TimeUnit.SECONDS)).contains(v1);

            assertThat(readOptional(p, find)).contains(v2);
        } finally {
            slow.release();
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("two instances on one in-process bus see each other's earn, redeem, enrolment and program change")
    void twoInstances_seeEachOthersWrites() {
        Cim4j a = cachedHost(1);
        Cim4j b = cachedHost(2);
        a.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = member(1);
        CustomerId d = member(2);
        assertThat(b.loyalty().findAccount(TEA_CLUB, d)).isEmpty(); // "not enrolled", cached on B
        a.loyalty().enrol(TEA_CLUB, c);
        assertThat(b.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(50));
        assertThat(b.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(50));
        assertThat(b.loyalty().findProgram(TEA_CLUB)).contains(LoyaltyFixtures.teaClub());
        long misses = stats(b, "loyaltyAccounts").misses();

        earn(a, c, 120);
        assertThat(b.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(170));
        assertThat(stats(b, "loyaltyAccounts").misses()).isEqualTo(misses + 1);

        redeem(b, c, 100);
        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(70));

        a.loyalty().enrol(TEA_CLUB, d);
        assertThat(b.loyalty().findAccount(TEA_CLUB, d)).isEqualTo(stored(d)).isPresent();

        LoyaltyProgram v2 = LoyaltyFixtures.teaClub().withEarnOnPurchase(true);
        a.loyalty().defineProgram(v2);
        assertThat(b.loyalty().findProgram(TEA_CLUB)).contains(v2);

        assertThat(recording.messages).extracting(Invalidation::kind)
                .contains(Invalidation.Kind.LOYALTY_ACCOUNT, Invalidation.Kind.LOYALTY_PROGRAM);
        assertThat(recording.messages).filteredOn(m -> m.kind() == Invalidation.Kind.LOYALTY_ACCOUNT)
                .allSatisfy(m -> assertThat(m.id()).isIn(c.toString(), d.toString()))
                .allSatisfy(m -> assertThat(m.keyFingerprints()).isEmpty());
    }

    @Test
    @DisplayName("an instance with caching off still announces its loyalty writes")
    void cachingOffInstance_stillPublishes() {
        Cim4j off = host(CacheSettings.builder().enabled(false).invalidationBus(bus).build(), 3);
        Cim4j b = cachedHost(2);
        off.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = member(1);
        off.loyalty().enrol(TEA_CLUB, c);
        assertThat(b.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(50));

        earn(off, c, 5);

        assertThat(b.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(55));
        assertThat(cache(off).stats()).allSatisfy(s -> assertThat(s.requests() + s.size()).isZero());
    }

    @Test
    @DisplayName("fresh() bypasses the cached balance and refreshes it")
    void fresh_bypassesAndRefreshes() {
        Cim4j a = cachedHost(1);
        Cim4j silent = silentHost(2);
        a.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = member(1);
        a.loyalty().enrol(TEA_CLUB, c);
        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(50));
        earn(silent, c, 25); // no bus: A cannot know
        long bypasses = stats(a, "loyaltyAccounts").bypasses();

        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(50));
        assertThat(a.fresh().loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(75));
        assertThat(stats(a, "loyaltyAccounts").bypasses()).isEqualTo(bypasses + 1);
        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(75));
    }

    @Test
    @DisplayName("accounts expire after loyaltyAccountTtl; a zero size turns the account cache off")
    void ttlAndSize() {
        Cim4j a = host(CacheSettings.builder().loyaltyAccountTtl(Duration.ofSeconds(30)).build(), 1);
        Cim4j none = host(CacheSettings.builder().loyaltyAccountMaximumSize(0).loyaltyProgramMaximumSize(0).build(), 4);
        Cim4j silent = silentHost(2);
        a.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = member(1);
        a.loyalty().enrol(TEA_CLUB, c);
        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(50));
        assertThat(none.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(50));
        earn(silent, c, 1);

        clock.advance(Duration.ofSeconds(29));
        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(50));
        assertThat(none.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(51));
        clock.advance(Duration.ofSeconds(1));
        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(51));
        assertThat(none.loyalty().programs()).hasSize(1);
        assertThat(cache(none).stats()).filteredOn(s -> s.cache().startsWith("loyalty"))
                .allSatisfy(s -> assertThat(s.requests() + s.bypasses() + s.size()).isZero());
    }

    @Test
    @DisplayName("without a bus, a stale 'not enrolled' entry does not turn a replayed command into a key misuse")
    void replayCheck_readsPastStaleNegativeEntry() {
        Cim4j a = host(CacheSettings.defaults(), 1); // no bus: learns of B's writes only by TTL
        Cim4j b = host(CacheSettings.defaults(), 2);
        a.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = member(1);
        assertThat(a.loyalty().findAccount(TEA_CLUB, c)).isEmpty(); // cached on A for negativeTtl
        IdempotencyKey retried = IdempotencyKey.of("order-7");
        b.loyalty().earn(TEA_CLUB, c, Points.of(30), EarnReason.manual("test"), retried);

        var replay = a.loyalty().earn(TEA_CLUB, c, Points.of(30), EarnReason.manual("test"), retried);

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.balance()).isEqualTo(Points.of(80));
        assertThat(stored(c).orElseThrow().balance()).isEqualTo(80);
    }

    @Test
    @DisplayName("a gap signal drops cached accounts and programs")
    void gap_dropsLoyaltyEntries() {
        Cim4j a = cachedHost(1);
        Cim4j silent = silentHost(2);
        a.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = member(1);
        a.loyalty().enrol(TEA_CLUB, c);
        a.loyalty().balance(TEA_CLUB, c);
        a.loyalty().programs();
        earn(silent, c, 7);
        LoyaltyProgram v2 = silent.loyalty().defineProgram(LoyaltyFixtures.teaClub().withEarnOnPurchase(true));

        bus.signalGap();

        assertThat(a.loyalty().balance(TEA_CLUB, c)).isEqualTo(Points.of(57));
        assertThat(a.loyalty().programs()).containsExactly(v2);
    }
}
