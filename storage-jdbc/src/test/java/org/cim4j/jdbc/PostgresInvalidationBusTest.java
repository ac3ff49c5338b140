package org.cim4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.cim4j.Cim4j;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.cache.CacheSettings;
import org.cim4j.cache.CacheStats;
import org.cim4j.cache.Invalidation;
import org.cim4j.cache.InvalidationBus;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.NewCustomer;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.Points;
import org.cim4j.testkit.contract.LoyaltyFixtures;
import org.cim4j.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PostgresInvalidationBus} on a real PostgreSQL server: two {@link Cim4j} instances, each with
 * its own {@link JdbcStorage} and its own bus, on one database. Each test uses a channel of its own,
 * so concurrent runs on the same server never hear each other. Waits are latches counted down by
 * test listeners subscribed after the instance's cache, which the bus calls in subscription order
 * on its thread: when the latch opens, the cache has already applied the message.
 */
class PostgresInvalidationBusTest {
    private static final TenantId TENANT = TenantId.of("shop-1");
    private static final long WAIT_SECONDS = 10;
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.postgres();

    private final MutableClock clock = MutableClock.startingAtDefault();
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private String channel;

    @BeforeEach
    void emptyTables() {
        DB.get().truncate();
        channel = TestDatabase.newName();
    }

    @AfterEach
    void closeResources() throws Exception {
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.push(resource);
        return resource;
    }

    private PostgresInvalidationBus bus() {
        return closeLater(PostgresInvalidationBus.builder().dataSource(DB.get().dataSource).channel(channel).start());
    }

    private Cim4j host(PostgresInvalidationBus bus, long seed) {
        TestDatabase db = DB.get();
        JdbcStorage storage = JdbcStorage.builder().dataSource(db.dataSource).schema(db.schema).migrate(false).build();
        return closeLater(Cim4j.builder()
                .storage(storage)
                .cache(CacheSettings.defaults().withInvalidationBus(bus))
                .clock(clock)
                .idGenerator(IdGenerator.seeded(clock, seed))
                .tenant(TENANT)
                .build());
    }

    private static CacheStats customerStats(Cim4j host) {
        return host.cacheStats().get(0);
    }

    @Test
    @DisplayName("two instances on one database: B's update reaches A's cache within a bounded delay, fresh() sees it at once")
    void updateOnB_reachesCacheOfA() throws InterruptedException {
        PostgresInvalidationBus busA = bus();
        PostgresInvalidationBus busB = bus();
        Cim4j hostA = host(busA, 1);
        Cim4j hostB = host(busB, 2);
        Customer x = hostA.customers().create(NewCustomer.builder().name("Wang Xiaoming").email("xm@example.com")
                .build());
        assertThat(hostA.customers().get(x.id())).isEqualTo(x);
        assertThat(hostA.customers().get(x.id())).isEqualTo(x);
        long hitsBefore = customerStats(hostA).hits();
        assertThat(hitsBefore).isPositive();
        Latch arrived = Latch.on(busA, m -> m.id().equals(x.id().toString()) && m.version() == x.version() + 1);

        Customer updated = hostB.customers().update(x.withStage(LifecycleStage.ACTIVE));

        assertThat(hostA.fresh().customers().get(x.id())).isEqualTo(updated);
        assertThat(arrived.await()).as("invalidation reached A within %d s", WAIT_SECONDS).isTrue();
        assertThat(hostA.customers().get(x.id())).isEqualTo(updated);
        assertThat(hostA.customers().get(x.id())).isEqualTo(updated);
        assertThat(customerStats(hostA).hits()).isGreaterThan(hitsBefore);
    }

    @Test
    @DisplayName("two instances on one database: B's earn and program change reach A's cached balance and programs")
    void loyaltyOnB_reachesCacheOfA() throws InterruptedException {
        PostgresInvalidationBus busA = bus();
        PostgresInvalidationBus busB = bus();
        Cim4j hostA = host(busA, 1);
        Cim4j hostB = host(busB, 2);
        // A hears its own definition echoed and then B's redefinition: two program messages
        Latch programs = Latch.on(busA, m -> m.kind() == Invalidation.Kind.LOYALTY_PROGRAM
                && m.id().equals(LoyaltyFixtures.TEA_CLUB.value()), 2);
        hostA.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId member = LoyaltyFixtures.customer(hostA.storage(), TENANT, new UUID(0x50, 1), clock.instant());
        hostA.loyalty().enrol(LoyaltyFixtures.TEA_CLUB, member); // sign-up bonus: 50
        assertThat(hostA.loyalty().balance(LoyaltyFixtures.TEA_CLUB, member)).isEqualTo(Points.of(50));
        assertThat(hostA.loyalty().balance(LoyaltyFixtures.TEA_CLUB, member)).isEqualTo(Points.of(50));
        assertThat(hostA.loyalty().findProgram(LoyaltyFixtures.TEA_CLUB)).contains(LoyaltyFixtures.teaClub());
        long hitsBefore = loyaltyAccountStats(hostA).hits();
        assertThat(hitsBefore).isPositive();
        long version = hostA.loyalty().account(LoyaltyFixtures.TEA_CLUB, member).version();
        Latch earned = Latch.on(busA, m -> m.kind() == Invalidation.Kind.LOYALTY_ACCOUNT
                && m.id().equals(member.toString()) && m.version() > version);

        hostB.loyalty().earn(LoyaltyFixtures.TEA_CLUB, member, Points.of(120), EarnReason.manual("pg test"),
                IdempotencyKey.of("pg-bus-earn-1"));

        assertThat(hostA.fresh().loyalty().balance(LoyaltyFixtures.TEA_CLUB, member)).isEqualTo(Points.of(170));
        assertThat(earned.await()).as("loyalty invalidation reached A within %d s", WAIT_SECONDS).isTrue();
        assertThat(hostA.loyalty().balance(LoyaltyFixtures.TEA_CLUB, member)).isEqualTo(Points.of(170));
        assertThat(hostA.loyalty().balance(LoyaltyFixtures.TEA_CLUB, member)).isEqualTo(Points.of(170));
        assertThat(loyaltyAccountStats(hostA).hits()).isGreaterThan(hitsBefore + 1);

        LoyaltyProgram v2 = LoyaltyFixtures.teaClub().withEarnOnPurchase(true);
        hostB.loyalty().defineProgram(v2);
        assertThat(programs.await()).as("program invalidation reached A within %d s", WAIT_SECONDS).isTrue();
        assertThat(hostA.loyalty().findProgram(LoyaltyFixtures.TEA_CLUB)).contains(v2);
    }

    private static CacheStats loyaltyAccountStats(Cim4j host) {
        return host.cacheStats().stream().filter(s -> s.cache().equals("loyaltyAccounts")).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("a read through fresh() sees another instance's write even before any notification is applied")
    void fresh_seesWriteBeforeNotification() throws InterruptedException {
        PostgresInvalidationBus busA = bus();
        PostgresInvalidationBus busB = bus();
        CountDownLatch gate = new CountDownLatch(1);
        busA.subscribe(new InvalidationBus.Listener() { // holds A's bus thread until the test has read
            @Override
            public void onInvalidation(Invalidation message) {
                awaitQuietly(gate);
            }

            @Override
            public void onGap() {
            }
        });
        Cim4j hostA = host(busA, 1);
        Cim4j hostB = host(busB, 2);
        Customer x = hostB.customers().create(NewCustomer.builder().name("Anna").email("anna@example.com").build());
        Latch applied = Latch.on(busA, m -> m.id().equals(x.id().toString()) && m.version() == x.version() + 1);
        hostA.customers().get(x.id());

        Customer churned = hostB.customers().update(x.withStage(LifecycleStage.CHURNED));

        try {
            assertThat(hostA.customers().get(x.id()).stage()).isEqualTo(LifecycleStage.LEAD);
            assertThat(hostA.fresh().customers().get(x.id())).isEqualTo(churned);
        } finally {
            gate.countDown();
        }
        assertThat(applied.await()).isTrue();
        assertThat(hostA.customers().get(x.id())).isEqualTo(churned);
    }

    @Test
    @DisplayName("an instance ignores its own notifications echoed back by the bus")
    void ownEcho_keepsCache() throws InterruptedException {
        PostgresInvalidationBus busA = bus();
        CountDownLatch gate = new CountDownLatch(1);
        busA.subscribe(new InvalidationBus.Listener() { // runs before A's cache: holds the echo back
            @Override
            public void onInvalidation(Invalidation message) {
                awaitQuietly(gate);
            }

            @Override
            public void onGap() {
            }
        });
        Cim4j hostA = host(busA, 1);
        Customer x = hostA.customers().create(NewCustomer.builder().name("Echo").email("echo@example.com").build());
        Latch echoed = Latch.on(busA, m -> m.id().equals(x.id().toString()) && m.version() == x.version() + 1);
        Customer updated = hostA.customers().update(x.withStage(LifecycleStage.ACTIVE));
        assertThat(hostA.customers().get(x.id())).isEqualTo(updated); // cached after the local invalidation
        long hits = customerStats(hostA).hits();

        gate.countDown();
        assertThat(echoed.await()).isTrue();

        assertThat(hostA.customers().get(x.id())).isEqualTo(updated);
        assertThat(customerStats(hostA).hits()).isEqualTo(hits + 1);
    }

    @Test
    @DisplayName("after the listening session is terminated the bus reconnects, signals a gap and delivers again")
    void terminatedBackend_reconnectsWithGap() throws Exception {
        PostgresInvalidationBus busA = bus();
        List<Integer> pidsOfA = listenerPids();
        assertThat(pidsOfA).hasSize(1);
        PostgresInvalidationBus busB = bus();
        Cim4j hostA = host(busA, 1);
        Cim4j hostB = host(busB, 2);
        Latch created = Latch.on(busA, m -> m.kind() == Invalidation.Kind.CUSTOMER);
        Customer x = hostB.customers().create(NewCustomer.builder().name("Gap").email("gap@example.com").build());
        assertThat(created.await()).isTrue();
        hostA.customers().get(x.id());
        assertThat(customerStats(hostA).size()).isPositive();
        CountDownLatch gap = new CountDownLatch(1);
        busA.subscribe(new InvalidationBus.Listener() {
            @Override
            public void onInvalidation(Invalidation message) {
            }

            @Override
            public void onGap() {
                gap.countDown();
            }
        });

        terminate(pidsOfA.get(0));

        assertThat(gap.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("gap signalled within %d s", WAIT_SECONDS).isTrue();
        assertThat(busA.isListening()).isTrue();
        assertThat(customerStats(hostA).size()).isZero();
        assertThat(listenerPids()).filteredOn(pid -> !pidsOfA.contains(pid)).hasSize(2);
        Latch arrived = Latch.on(busA, m -> m.id().equals(x.id().toString()) && m.version() == x.version() + 1);
        hostA.customers().get(x.id());
        Customer updated = hostB.customers().update(x.withStage(LifecycleStage.ACTIVE));
        assertThat(arrived.await()).isTrue();
        assertThat(hostA.customers().get(x.id())).isEqualTo(updated);
    }

    @Test
    @DisplayName("a bus whose first connection fails keeps trying, publishes without throwing, and signals a gap once listening")
    void unreachableAtStart_gapOnceListening() throws Exception {
        CountDownLatch allowConnect = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        // first getConnection() is refused; the next waits until the test allows it
        DataSource flaky = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                        if (attempts.incrementAndGet() == 1) {
                            throw new SQLException("connection refused (test)", "08001");
                        }
                        awaitQuietly(allowConnect);
                    }
                    try {
                        return method.invoke(DB.get().dataSource, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        PostgresInvalidationBus bus = closeLater(PostgresInvalidationBus.builder().dataSource(flaky).channel(channel)
                .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(100)).start());
        assertThat(bus.isListening()).isFalse();
        CountDownLatch gap = new CountDownLatch(1);
        bus.subscribe(new InvalidationBus.Listener() {
            @Override
            public void onInvalidation(Invalidation message) {
            }

            @Override
            public void onGap() {
                gap.countDown();
            }
        });
        Latch arrived = Latch.on(bus, m -> m.id().equals("tag-9"));

        allowConnect.countDown();

        assertThat(gap.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(bus.isListening()).isTrue();
        bus.publish(new Invalidation(Invalidation.Kind.TAG, TENANT, "tag-9", 0, List.of(), "sender"));
        assertThat(arrived.await()).isTrue();
    }

    @Test
    @DisplayName("a bus built from a JDBC URL talks to one built on a DataSource, both ways")
    void jdbcUrlBus_interoperates() throws InterruptedException {
        PostgresInvalidationBus viaPool = bus();
        PostgresInvalidationBus viaUrl = closeLater(PostgresInvalidationBus.builder().jdbcUrl(DB.get().url).channel(channel)
                .start());
        assertThat(viaUrl.isListening()).isTrue();
        Invalidation one = new Invalidation(Invalidation.Kind.TAG, TENANT, "tag-1", 0, List.of(), "sender-a");
        Invalidation two = new Invalidation(Invalidation.Kind.CUSTOMER, TENANT, "c-2", 3, List.of(1, 0xffff),
                "sender-b");
        Latch atPool = Latch.on(viaPool, two::equals);
        Latch atUrl = Latch.on(viaUrl, one::equals);

        viaPool.publish(one);
        viaUrl.publish(two);

        assertThat(atUrl.await()).isTrue();
        assertThat(atPool.await()).isTrue();
    }

    @Test
    @DisplayName("a message over the payload limit arrives in parts that together carry every fingerprint")
    void oversizedMessage_arrivesInParts() throws InterruptedException {
        PostgresInvalidationBus bus = bus();
        List<Integer> fingerprints = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            fingerprints.add(i * 21);
        }
        Invalidation big = new Invalidation(Invalidation.Kind.CUSTOMER, TENANT, "c-big", 9, fingerprints, "sender");
        List<Invalidation> received = new CopyOnWriteArrayList<>();
        AtomicInteger count = new AtomicInteger();
        int parts = PostgresInvalidationBus.payloads(big).size();
        CountDownLatch all = new CountDownLatch(parts);
        bus.subscribe(new InvalidationBus.Listener() {
            @Override
            public void onInvalidation(Invalidation message) {
                received.add(message);
                count.incrementAndGet();
                all.countDown();
            }

            @Override
            public void onGap() {
            }
        });

        bus.publish(big);

        assertThat(all.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(parts).isGreaterThan(1);
        assertThat(received).allSatisfy(m -> assertThat(m.id()).isEqualTo("c-big"))
                .flatExtracting(Invalidation::keyFingerprints).containsExactlyInAnyOrderElementsOf(fingerprints);
    }

    @Test
    @DisplayName("close() stops the listening thread, is idempotent, and publish afterwards throws nothing")
    void close_stopsThread() {
        PostgresInvalidationBus bus = PostgresInvalidationBus.builder().dataSource(DB.get().dataSource).channel(channel)
                .start();
        assertThat(bus.isListening()).isTrue();
        assertThat(listenerThreads()).isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).isTrue());

        bus.close();
        bus.close();

        assertThat(listenerThreads()).isEmpty();
        assertThat(bus.isListening()).isFalse();
        assertThat(listenerPids()).isEmpty();
        bus.publish(new Invalidation(Invalidation.Kind.TAG, TENANT, "tag-1", 0, List.of(), "sender"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static List<Thread> listenerThreads() {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && PostgresInvalidationBus.THREAD_NAME.equals(t.getName())) {
                found.add(t);
            }
        }
        return found;
    }

    /** Backends listening on this test's channel, found by their last statement. */
    private List<Integer> listenerPids() {
        try (Connection c = DB.get().dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE query = ?"
                     + " AND pid <> pg_backend_pid() ORDER BY pid")) {
            ps.setString(1, "LISTEN " + channel);
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                }
            }
            return pids;
        } catch (SQLException e) {
            throw new IllegalStateException("listing listener backends failed", e);
        }
    }

    private void terminate(int pid) throws SQLException {
        try (Connection c = DB.get().dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            ps.setInt(1, pid);
            ps.execute();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens when a message matching the predicate reaches a subscriber of the bus. */
    private static final class Latch {
        private final CountDownLatch latch;

        private Latch(int count) {
            this.latch = new CountDownLatch(count);
        }

        static Latch on(PostgresInvalidationBus bus, Predicate<Invalidation> match) {
            return on(bus, match, 1);
        }

        /** Opens when {@code count} matching messages arrived. */
        static Latch on(PostgresInvalidationBus bus, Predicate<Invalidation> match, int count) {
            Latch l = new Latch(count);
            bus.subscribe(new InvalidationBus.Listener() {
                @Override
                public void onInvalidation(Invalidation message) {
                    if (match.test(message)) {
                        l.latch.countDown();
                    }
                }

                @Override
                public void onGap() {
                }
            });
            return l;
        }

        boolean await() throws InterruptedException {
            return latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
