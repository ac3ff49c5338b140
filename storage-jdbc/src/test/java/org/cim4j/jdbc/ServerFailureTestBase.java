package org.cim4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.jdbc.Fixtures.TENANT;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.cim4j.DuplicateException;
import org.cim4j.StorageUnavailableException;
import org.cim4j.TransientStorageException;
import org.cim4j.VersionConflictException;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.jdbc.internal.Migrations;
import org.cim4j.spi.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Failure behaviour on a real server database: lost updates, deadlocks, killed sessions, an
 * exhausted pool, concurrent migrations, racing unique keys, error messages and hostile input.
 */
abstract class ServerFailureTestBase {
    private static final long WAIT_SECONDS = 20;

    protected RecordingDataSource recording;
    protected JdbcStorage storage;
    protected Fixtures f;
    private ExecutorService pool;

    protected abstract TestDatabase database();

    /** SQL returning the server-side id of the current session. */
    protected abstract String sessionIdSql();

    /** Kills session {@code id} from another connection. */
    protected abstract void kill(Statement st, long id) throws SQLException;

    @BeforeEach
    void open() {
        database().truncate();
        recording = new RecordingDataSource(database().dataSource);
        storage = JdbcStorage.builder().dataSource(recording).schema(database().schema).migrate(false)
                .retry(8, Duration.ofMillis(5)).build();
        f = new Fixtures();
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
        storage.close();
    }

    private <T> T read(Function<Stores, T> work) {
        return storage.read(work::apply);
    }

    private Customer stored(CustomerId id) {
        return read((Stores s) -> s.customers().findById(TENANT, id)).orElseThrow();
    }

    private static Customer bumped(Customer c) {
        return c.withAttribute("n", AttributeValue.of(c.version()))
                .withBookkeeping(c.version() + 1, c.status(), c.mergedInto(), c.updatedAt());
    }

    @Test
    @DisplayName("two writers updating one customer from the same version: exactly one wins")
    void concurrentUpdate_sameVersion_exactlyOneWins() throws Exception {
        Customer c = f.customer(TENANT, "A", "a@example.com", "x:1");
        storage.write(s -> {
            s.customers().insert(c);
            return null;
        });
        CyclicBarrier bothRead = new CyclicBarrier(2);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results.add(pool.submit(() -> {
                try {
                    storage.write(s -> {
                        Customer current = s.customers().findById(TENANT, c.id()).orElseThrow();
                        await(bothRead);
                        s.customers().update(bumped(current));
                        return null;
                    });
                    return "won";
                } catch (VersionConflictException e) {
                    return "conflict";
                }
            }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> r : results) {
            outcomes.add(r.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        assertThat(outcomes).containsExactlyInAnyOrder("won", "conflict");
        assertThat(stored(c.id()).version()).isEqualTo(2);
    }

    @Test
    @DisplayName("a deadlock between two transactions is retried and both eventually commit")
    void deadlock_isRetried_bothSucceed() throws Exception {
        Customer x = f.customer(TENANT, "X", "x@example.com", "x:x");
        Customer y = f.customer(TENANT, "Y", "y@example.com", "x:y");
        storage.write(s -> {
            s.customers().insertAll(List.of(x, y));
            return null;
        });
        CyclicBarrier firstLocksHeld = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch oneDone = new CountDownLatch(1);
        CountDownLatch twoDone = new CountDownLatch(1);
        Future<?> one = pool.submit(() -> lockInOrder(x.id(), y.id(), firstLocksHeld, attempts, oneDone, twoDone));
        Future<?> two = pool.submit(() -> lockInOrder(y.id(), x.id(), firstLocksHeld, attempts, twoDone, oneDone));
        one.get(WAIT_SECONDS, TimeUnit.SECONDS);
        two.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(attempts.get()).isGreaterThan(2);
        assertThat(stored(x.id()).version()).isEqualTo(3);
        assertThat(stored(y.id()).version()).isEqualTo(3);
    }

    private void lockInOrder(CustomerId first, CustomerId second, CyclicBarrier barrier, AtomicInteger attempts,
                             CountDownLatch myDone, CountDownLatch otherDone) {
        AtomicInteger mine = new AtomicInteger();
        storage.write(s -> {
            attempts.incrementAndGet();
            boolean retry = mine.incrementAndGet() > 1;
            if (retry) {
                // The deadlock victim re-runs after the winner committed, so it reads the new versions
                // (otherwise its optimistic check would rightly report a conflict).
                awaitLatch(otherDone);
            }
            s.customers().update(bumped(s.customers().findById(TENANT, first).orElseThrow()));
            if (!retry) {
                await(barrier);
            }
            s.customers().update(bumped(s.customers().findById(TENANT, second).orElseThrow()));
            return null;
        });
        myDone.countDown();
    }

    @Test
    @DisplayName("a session killed mid-transaction: unavailable, nothing half-written, next call works")
    void killedSession_isUnavailable_andRolledBack() throws Exception {
        Customer a = f.customer(TENANT, "A", "a@example.com", "x:a");
        Customer b = f.customer(TENANT, "B", "b@example.com", "x:b");
        CountDownLatch sessionKnown = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        long[] session = new long[1];
        Future<?> work = pool.submit(() -> storage.write(s -> {
            s.customers().insert(a);
            try (Statement st = recording.current().createStatement(); ResultSet rs = st.executeQuery(sessionIdSql())) {
                rs.next();
                session[0] = rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            sessionKnown.countDown();
            awaitLatch(killed);
            s.customers().insert(b);
            return null;
        }));
        awaitLatch(sessionKnown);
        try (Connection admin = database().dataSource.getConnection(); Statement st = admin.createStatement()) {
            kill(st, session[0]);
        }
        killed.countDown();
        assertThatThrownBy(() -> getUnwrapped(work))
                .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("SQLState");
        assertThat(read((Stores s) -> s.customers().findById(TENANT, a.id()))).isEmpty();
        storage.write(s -> {
            s.customers().insert(b);
            return null;
        });
        assertThat(read((Stores s) -> s.customers().findById(TENANT, b.id()))).contains(b);
    }

    @Test
    @DisplayName("an exhausted pool fails fast with a clear StorageUnavailableException")
    void poolExhausted_failsWithClearTimeout() throws Exception {
        try (JdbcStorage small = JdbcStorage.builder().jdbcUrl(database().url).schema(database().schema)
                .migrate(false).maxPoolSize(1).connectionTimeout(Duration.ofMillis(500)).build()) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = pool.submit(() -> small.read(s -> {
                holding.countDown();
                awaitLatch(release);
                return null;
            }));
            awaitLatch(holding);
            assertThatThrownBy(() -> small.read(s -> s.customers().count(TENANT, CustomerQuery.all())))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("connection pool exhausted after 500 ms");
            release.countDown();
            holder.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat((long) small.read(s -> s.customers().count(TENANT, CustomerQuery.all()))).isZero();
        }
    }

    @Test
    @DisplayName("migrations run twice and by two instances at once are safe")
    void migration_twiceAndConcurrently_isSafe() throws Exception {
        String schema = TestDatabase.newName();
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<JdbcStorage>> opened = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                opened.add(pool.submit(() -> {
                    await(start);
                    return JdbcStorage.builder().dataSource(database().dataSource).schema(schema).build();
                }));
            }
            for (Future<JdbcStorage> o : opened) {
                o.get(WAIT_SECONDS, TimeUnit.SECONDS).close();
            }
            try (JdbcStorage again = JdbcStorage.builder().dataSource(database().dataSource).schema(schema).build()) {
                Customer c = f.customer(TENANT, "M", "m@example.com", "x:m");
                again.write(s -> {
                    s.customers().insert(c);
                    return null;
                });
                Optional<Customer> back = again.read(s -> s.customers().findById(TENANT, c.id()));
                assertThat(back).contains(c);
            }
            int versions = Migrations.configure(database().dataSource, database().dialect, schema, null).load()
                    .info().applied().length;
            assertThat(versions).isEqualTo(Migrations.configure(database().dataSource, database().dialect, schema, null)
                    .load().info().all().length);
        } finally {
            dropSchema(schema);
        }
    }

    @Test
    @DisplayName("16 threads racing for one external id: one row, 15 DuplicateExceptions naming the winner")
    void racingExternalId_exactlyOneWins() throws Exception {
        CyclicBarrier start = new CyclicBarrier(16);
        List<Future<Optional<DuplicateException>>> results = new ArrayList<>();
        List<Customer> racers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            racers.add(f.customer(TENANT, "R" + i, "r" + i + "@example.com", "race:1"));
        }
        for (Customer r : racers) {
            results.add(pool.submit(() -> {
                await(start);
                try {
                    storage.write(s -> {
                        s.customers().insert(r);
                        return null;
                    });
                    return Optional.<DuplicateException>empty();
                } catch (DuplicateException e) {
                    return Optional.of(e);
                }
            }));
        }
        List<DuplicateException> losers = new ArrayList<>();
        for (Future<Optional<DuplicateException>> r : results) {
            r.get(WAIT_SECONDS, TimeUnit.SECONDS).ifPresent(losers::add);
        }
        assertThat(losers).hasSize(15);
        Customer winner = read((Stores s) -> s.customers().findByExternalId(TENANT, ExternalId.parse("race:1")))
                .orElseThrow();
        assertThat(losers).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo("externalId");
            assertThat(e.existingId()).contains(winner.id().toString());
        });
        assertThat((long) read((Stores s) -> s.customers().count(TENANT, CustomerQuery.all()))).isEqualTo(1);
    }

    @Test
    @DisplayName("a unique violation names the SQLState and never the clashing values")
    void uniqueViolation_messageHasSqlState_noValues() {
        Customer c = f.customer(TENANT, "Secret Person", "secret.person@example.com", "vault:4711");
        storage.write(s -> {
            s.customers().insert(c);
            return null;
        });
        Customer sameId = new Customer(c.id(), TENANT, 1, CustomerStatus.ACTIVE, null, c.stage(), c.person(), List.of(),
                List.of(), null, java.util.Set.of(), java.util.Map.of(), java.util.Set.of(), c.createdAt(),
                c.updatedAt());
        assertThatThrownBy(() -> storage.write(s -> {
            s.customers().insert(sameId);
            return null;
        })).isInstanceOf(DuplicateException.class)
                .hasMessageContaining("SQLState")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret", "Secret", "4711", TENANT.value()));
    }

    @Test
    @DisplayName("hostile text in criteria is matched literally")
    void hostileInput_isLiteral() {
        List<Customer> cs = List.of(f.plain(TENANT, "plain"), f.plain(TENANT, "b_c"), f.plain(TENANT, "100%"),
                f.plain(TENANT, "x' OR 1=1 --"));
        storage.write(s -> {
            s.customers().insertAll(cs);
            return null;
        });
        assertThat(names(CustomerQuery.builder().nameContains("_").build())).containsExactly("b_c");
        assertThat(names(CustomerQuery.builder().nameContains("%").build())).containsExactly("100%");
        assertThat(names(CustomerQuery.builder().nameContains("' OR 1=1 --").build())).containsExactly("x' OR 1=1 --");
        assertThat(names(CustomerQuery.builder().nameContains("'; DROP TABLE customer; --").build())).isEmpty();
        assertThat(names(CustomerQuery.builder().contactContains("%").build())).isEmpty();
        assertThat(names(CustomerQuery.builder()
                .attributeEquals("x' OR '1'='1", AttributeValue.of("' OR 1=1 --")).build())).isEmpty();
        assertThat((long) read((Stores s) -> s.customers().count(TENANT, CustomerQuery.all()))).isEqualTo(4);
    }

    @Test
    @DisplayName("transient failures are retried a bounded number of times, then surface")
    void transientFailure_retriedThenSurfaced() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> storage.write(s -> {
            runs.incrementAndGet();
            throw new TransientStorageException("simulated serialization failure");
        })).isInstanceOf(TransientStorageException.class).hasMessageContaining("after 8 attempts");
        assertThat(runs.get()).isEqualTo(8);
    }

    private List<String> names(CustomerQuery q) {
        return read((Stores s) -> s.customers().query(TENANT, q, null, 10)).stream()
                .map(c -> c.person().displayName()).toList();
    }

    private void dropSchema(String schema) throws SQLException {
        try (Connection c = database().dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(database().dialect == Dialect.POSTGRESQL ? "DROP SCHEMA IF EXISTS " + schema + " CASCADE"
                    : "DROP DATABASE IF EXISTS " + schema);
        }
    }

    private static void getUnwrapped(Future<?> f) throws Throwable {
        try {
            f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("barrier broken", e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
