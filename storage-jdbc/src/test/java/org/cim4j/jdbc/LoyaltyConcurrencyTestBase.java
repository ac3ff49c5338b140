package org.cim4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cim4j.testkit.contract.LoyaltyFixtures.TEA_CLUB;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cim4j.Cim4j;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.cim4j.loyalty.BalanceExplanation;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.InsufficientPointsException;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LoyaltyService;
import org.cim4j.loyalty.MemberAccount;
import org.cim4j.loyalty.Points;
import org.cim4j.loyalty.RedeemResult;
import org.cim4j.testkit.MutableClock;
import org.cim4j.testkit.contract.LoyaltyFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two application instances with their own connection pools over one schema redeem the last points of one
 * member at the same moment. A third connection holds the account row lock until both redemptions are
 * queued on it, so they really overlap; then exactly one may win and the other must see the spent balance.
 * Also: a command whose lock wait times out goes through the provider's retry and then succeeds.
 */
abstract class LoyaltyConcurrencyTestBase {
    private static final TenantId TENANT = TenantId.of("loyalty-race");
    private static final int ROUNDS = 5;
    private static final long WAIT_SECONDS = 30;

    private MutableClock clock;
    private HikariDataSource secondPool;
    private JdbcStorage first;
    private JdbcStorage second;
    private Cim4j crmA;
    private Cim4j crmB;
    private ExecutorService threads;

    protected abstract TestDatabase database();

    /** Session setting that makes a lock wait fail fast (PostgreSQL {@code 55P03}, MariaDB error 1205). */
    protected abstract String shortLockTimeoutSql();

    /** Number of sessions of this test's schema waiting for a row lock on {@code loyalty_account}. */
    protected abstract int lockWaiters(Connection c) throws SQLException;

    @BeforeEach
    void twoInstances() {
        TestDatabase db = database();
        clock = MutableClock.startingAtDefault();
        first = db.freshProvider();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url);
        config.setMaximumPoolSize(4);
        config.setPoolName("second-" + db.schema);
        secondPool = new HikariDataSource(config);
        second = JdbcStorage.builder().dataSource(secondPool).schema(db.schema).migrate(false).build();
        crmA = Cim4j.builder().sharedStorage(first).clock(clock).idGenerator(IdGenerator.seeded(clock, 1))
                .tenant(TENANT).build();
        crmB = Cim4j.builder().sharedStorage(second).clock(clock).idGenerator(IdGenerator.seeded(clock, 2))
                .tenant(TENANT).build();
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void closeAll() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
        crmA.close();
        crmB.close();
        second.close();
        secondPool.close();
        first.close();
    }

    @Test
    @DisplayName("two instances redeeming the last points of one member: one succeeds, one is refused")
    void redeemLastPoints_twoPools_exactlyOneWins() throws Exception {
        LoyaltyService a = crmA.loyalty();
        LoyaltyService b = crmB.loyalty();
        a.defineProgram(LoyaltyFixtures.teaClub());
        for (int round = 0; round < ROUNDS; round++) {
            CustomerId member = LoyaltyFixtures.customer(first, TENANT, new UUID(0xACE, round), clock.instant());
            a.enrol(TEA_CLUB, member);
            a.earn(TEA_CLUB, member, Points.of(150), EarnReason.manual("race"), IdempotencyKey.of("earn-" + round));
            MemberAccount account = b.findAccount(TEA_CLUB, member).orElseThrow();
            long all = account.balance();
            String n = Integer.toString(round);

            List<Object> outcomes = raceOnLockedAccount(account, List.of(
                    () -> a.redeem(TEA_CLUB, member, Points.of(all), "order-a", IdempotencyKey.of("a-" + n)),
                    () -> b.redeem(TEA_CLUB, member, Points.of(all), "order-b", IdempotencyKey.of("b-" + n))));

            assertThat(outcomes).filteredOn(o -> o instanceof RedeemResult).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof InsufficientPointsException).hasSize(1)
                    .allSatisfy(o -> assertThat(((InsufficientPointsException) o).available()).isEqualTo(Points.ZERO));
            BalanceExplanation explained = b.explainBalance(TEA_CLUB, member);
            assertThat(explained.balance()).isEqualTo(Points.ZERO);
            assertThat(explained.consistent()).isTrue();
            List<LedgerEntry> ledger = a.ledger(TEA_CLUB, member);
            assertThat(ledger).filteredOn(e -> e.kind() == EntryKind.REDEEM).hasSize(1);
            long running = 0;
            for (LedgerEntry e : ledger) {
                running += e.delta();
                assertThat(running).as("running balance").isNotNegative();
            }
            clock.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    @DisplayName("a loyalty command whose account lock wait times out is re-run by the provider and succeeds")
    void redeem_lockTimeout_isRetriedByTheProvider() throws Exception {
        TestDatabase db = database();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url);
        config.setMaximumPoolSize(2);
        config.setPoolName("impatient-" + db.schema);
        config.setConnectionInitSql(shortLockTimeoutSql());
        try (HikariDataSource impatientPool = new HikariDataSource(config)) {
            RecordingDataSource counting = new RecordingDataSource(impatientPool);
            JdbcStorage impatient = JdbcStorage.builder().dataSource(counting).schema(db.schema).migrate(false)
                    .retry(5, Duration.ofMillis(10)).build();
            Cim4j crmC = Cim4j.builder().sharedStorage(impatient).clock(clock)
                    .idGenerator(IdGenerator.seeded(clock, 3)).tenant(TENANT).build();
            try (impatient; crmC) {
                LoyaltyService a = crmA.loyalty();
                a.defineProgram(LoyaltyFixtures.teaClub());
                CustomerId member = LoyaltyFixtures.customer(first, TENANT, new UUID(0xBEE, 1), clock.instant());
                MemberAccount account = a.enrol(TEA_CLUB, member);
                a.earn(TEA_CLUB, member, Points.of(150), EarnReason.manual("retry"), IdempotencyKey.of("earn-r"));
                int before = counting.borrowed();
                Future<RedeemResult> redeem;
                try (Connection holder = lockFromOutside(account)) {
                    redeem = threads.submit(() -> crmC.loyalty().redeem(TEA_CLUB, member, Points.of(120), "order-r",
                            IdempotencyKey.of("redeem-r")));
                    Instant deadline = Instant.now().plusSeconds(WAIT_SECONDS); // wall clock for a test timeout only
                    while (counting.borrowed() < before + 2 && !redeem.isDone()) {
                        assertThat(Instant.now()).as("second attempt started").isBefore(deadline);
                        TimeUnit.MILLISECONDS.sleep(5); // polling a condition, not ordering threads
                    }
                    holder.commit();
                }
                RedeemResult result = redeem.get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(result.replayed()).isFalse();
                assertThat(counting.borrowed() - before).as("attempts").isGreaterThanOrEqualTo(2);
                assertThat(a.balance(TEA_CLUB, member)).isEqualTo(Points.of(80));
                assertThat(a.explainBalance(TEA_CLUB, member).consistent()).isTrue();
            }
        }
    }

    /**
     * Locks the account row from a separate connection, starts the commands, waits until both are blocked on
     * that lock, releases it and returns each command's result or exception.
     */
    private List<Object> raceOnLockedAccount(MemberAccount account, List<Callable<Object>> commands)
            throws Exception {
        TestDatabase db = database();
        List<Future<Object>> futures = new ArrayList<>();
        try (Connection holder = lockFromOutside(account)) {
            CountDownLatch submitted = new CountDownLatch(commands.size());
            for (Callable<Object> command : commands) {
                futures.add(threads.submit(() -> {
                    submitted.countDown();
                    try {
                        return command.call();
                    } catch (InsufficientPointsException e) {
                        return e;
                    }
                }));
            }
            assertThat(submitted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            awaitWaiters(commands.size());
            holder.commit();
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : futures) {
            outcomes.add(f.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    /** A connection holding the account row lock until it commits. */
    private Connection lockFromOutside(MemberAccount account) throws SQLException {
        TestDatabase db = database();
        Connection holder = db.dataSource.getConnection();
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement("SELECT version FROM " + db.schema
                + ".loyalty_account WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
            lock.setString(1, TENANT.value());
            if (db.dialect == Dialect.MARIADB) {
                lock.setString(2, account.id().toString());
            } else {
                lock.setObject(2, account.id().value());
            }
            try (ResultSet rs = lock.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
        return holder;
    }

    /** Polls the server's lock table until {@code n} sessions wait on the account row (bounded). */
    private void awaitWaiters(int n) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(WAIT_SECONDS); // wall clock for a test timeout only
        try (Connection c = database().dataSource.getConnection()) {
            int waiting;
            while ((waiting = lockWaiters(c)) < n) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("redemptions did not queue on the account lock within " + WAIT_SECONDS
                            + " s: " + waiting + " of " + n + " waiting");
                }
                Thread.onSpinWait();
                TimeUnit.MILLISECONDS.sleep(5); // polling a server condition, not ordering threads
            }
        }
    }
}
