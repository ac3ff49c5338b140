package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.testkit.contract.LoyaltyFixtures.TEA_CLUB;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cim4j.customer.CustomerId;
import org.cim4j.loyalty.BalanceExplanation;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.EarnResult;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.InsufficientPointsException;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.LoyaltyService;
import org.cim4j.loyalty.Points;
import org.cim4j.loyalty.RedeemResult;
import org.cim4j.loyalty.ReversalResult;
import org.cim4j.NotFoundException;
import org.cim4j.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Concurrency torture for loyalty: 32 threads on two {@code Cim4j} instances over the same provider run random
 * earn, redeem and reverse commands against a few hot accounts, reusing some idempotency keys on
 * purpose, while one thread moves the clock on and runs expiry. Afterwards no balance is negative, every key was applied at most once, every ledger sums to
 * its balance and lots, and every successful command's entry is in the ledger exactly once. A deterministic tail
 * then covers expiry, replay and over-redemption on every account whatever the schedule did.
 *
 * <p>Size: {@value #DEFAULT_OPS} operations by default (CI-sized); set system property
 * {@code cim4j.torture.ops} for a longer run.
 */
public abstract class LoyaltyTortureContract extends AdapterContract {
    /** Operations when {@code cim4j.torture.ops} is not set. */
    public static final int DEFAULT_OPS = 3000;
    private static final int THREADS = 32;
    private static final int ACCOUNTS = 4;

    /** What a successful, non-replayed command did. */
    private record Applied(String kind, CustomerId customer, LedgerEntryId entry) {
    }

    @Test
    @DisplayName("32 threads × 2 instances on hot accounts: no lost update, no double application, no negative balance")
    void concurrentCommands_onHotAccounts() throws Exception {
        int ops = Integer.getInteger("cim4j.torture.ops", DEFAULT_OPS);
        LoyaltyService[] instances = {crm().loyalty(), crm().loyalty()}; // two host instances, one database
        instances[0].defineProgram(LoyaltyFixtures.teaClub().withRedemption(
                new org.cim4j.loyalty.RedemptionRules(Points.of(1), null)));
        List<CustomerId> customers = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            CustomerId c = LoyaltyFixtures.customer(provider(), TENANT, new UUID(0x70, i), clock().instant());
            instances[0].enrol(TEA_CLUB, c);
            customers.add(c);
        }
        Map<IdempotencyKey, Applied> applied = new ConcurrentHashMap<>();
        Map<IdempotencyKey, Object> firstResults = new ConcurrentHashMap<>();
        List<LedgerEntryId>[] reversible = newReversibleLists();
        List<IdempotencyKey> used = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicLong replays = new AtomicLong();
        AtomicLong insufficient = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        int perThread = Math.max(1, ops / THREADS);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                Random rnd = new Random(1234L + thread);
                LoyaltyService svc = instances[thread % 2];
                start.await();
                for (int i = 0; i < perThread; i++) {
                    if (thread == 0 && i % Math.max(1, perThread / 5) == 0 && i > 0) {
                        // time moves on while the others work: lots expire under load
                        clock().advance(Duration.ofDays(200));
                        svc.expireAll(TEA_CLUB);
                    }
                    // one command in ten reuses a key any thread used before (possibly while it is running);
                    // kind, account and amount derive from the key, so a reused key is a true duplicate
                    boolean reuse = !used.isEmpty() && rnd.nextInt(10) == 0;
                    IdempotencyKey key = reuse ? used.get(rnd.nextInt(used.size()))
                            : IdempotencyKey.of("t" + thread + "-" + i);
                    if (!reuse) {
                        used.add(key);
                    }
                    int op = Math.floorMod(key.hashCode(), 10);
                    try {
                        if (op < 5) {
                            EarnResult r = svc.earn(TEA_CLUB, customers.get(Math.floorMod(key.hashCode() >> 4, ACCOUNTS)),
                                    Points.of(1 + Math.floorMod(key.hashCode() >> 8, 200)), EarnReason.manual("t"), key);
                            record(applied, firstResults, replays, key, "earn", r.replayed(), r,
                                    customers.get(Math.floorMod(key.hashCode() >> 4, ACCOUNTS)), r.entry().id());
                            if (!r.replayed()) {
                                reversible[Math.floorMod(key.hashCode() >> 4, ACCOUNTS)].add(r.entry().id());
                            }
                        } else if (op < 9) {
                            int acc = Math.floorMod(key.hashCode() >> 4, ACCOUNTS);
                            RedeemResult r = svc.redeem(TEA_CLUB, customers.get(acc),
                                    Points.of(1 + Math.floorMod(key.hashCode() >> 8, 300)), null, key);
                            record(applied, firstResults, replays, key, "redeem", r.replayed(), r, customers.get(acc),
                                    r.entry().id());
                            if (!r.replayed()) {
                                reversible[acc].add(r.entry().id());
                            }
                        } else {
                            int acc = Math.floorMod(key.hashCode() >> 4, ACCOUNTS);
                            List<LedgerEntryId> candidates = List.copyOf(reversible[acc]);
                            if (candidates.isEmpty()) {
                                continue;
                            }
                            LedgerEntryId target = candidates.get(Math.floorMod(key.hashCode() >> 8, candidates.size()));
                            ReversalResult r = svc.reverse(TEA_CLUB, customers.get(acc), target, null, "torture", key);
                            if (r.entry() != null) {
                                record(applied, firstResults, replays, key, "reverse", r.replayed(), r,
                                        customers.get(acc), r.entry().id());
                            }
                        }
                    } catch (InsufficientPointsException e) {
                        insufficient.incrementAndGet();
                    } catch (ValidationException | NotFoundException e) {
                        // reversal of an already reversed entry, or a key that (on purpose) belongs to another command
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        long expiredUnderLoad = countExpiries(instances[0], customers);
        runDeterministicTail(instances, customers, applied, firstResults, replays, insufficient);

        Map<LedgerEntryId, Integer> seen = new HashMap<>();
        long expiries = 0;
        for (CustomerId c : customers) {
            BalanceExplanation ex = instances[1].explainBalance(TEA_CLUB, c);
            assertThat(ex.balance().value()).isNotNegative();
            assertThat(ex.consistent()).as("balance == ledger sum == lots for %s", c).isTrue();
            List<LedgerEntry> ledger = instances[0].ledger(TEA_CLUB, c);
            Map<IdempotencyKey, Integer> perKey = new HashMap<>();
            long running = 0;
            for (LedgerEntry e : ledger) {
                running += e.delta();
                assertThat(running).as("running balance never negative").isNotNegative();
                seen.merge(e.id(), 1, Integer::sum);
                if (e.kind() == EntryKind.EXPIRE) {
                    expiries++;
                } else {
                    perKey.merge(e.key(), 1, Integer::sum);
                }
            }
            assertThat(perKey.values()).as("no key applied twice").allMatch(n -> n == 1);
        }
        for (Applied a : applied.values()) {
            assertThat(seen.getOrDefault(a.entry(), 0)).as("effect of %s present exactly once", a).isEqualTo(1);
        }
        assertThat(applied).isNotEmpty();
        // the tail guarantees each of these at least once whatever the schedule did under load
        assertThat(expiries).as("expiry entries (%s of them under load)", expiredUnderLoad)
                .isGreaterThanOrEqualTo(expiredUnderLoad + ACCOUNTS);
        assertThat(replays.get()).as("the run exercised replays").isGreaterThanOrEqualTo(ACCOUNTS);
        assertThat(insufficient.get()).as("the run exercised failed redemptions").isGreaterThanOrEqualTo(ACCOUNTS);
    }

    /**
     * What the load phase covers depends on the schedule (balances hover near zero, so whether a lot is still
     * open when time passes its expiry is chance). This tail covers expiry, replay and over-redemption on every
     * hot account deterministically, after the load and before the ledgers are checked: a fresh lot per account,
     * a replay of its key through the other instance, a redemption of one point more than the balance (which must
     * change nothing), then time passes every lot's expiry and expiry runs.
     */
    private void runDeterministicTail(LoyaltyService[] instances, List<CustomerId> customers,
                                      Map<IdempotencyKey, Applied> applied, Map<IdempotencyKey, Object> firstResults,
                                      AtomicLong replays, AtomicLong insufficient) {
        clock().advance(Duration.ofDays(1));
        for (int i = 0; i < ACCOUNTS; i++) {
            CustomerId customer = customers.get(i);
            IdempotencyKey key = IdempotencyKey.of("tail-" + i);
            EarnResult first = instances[0].earn(TEA_CLUB, customer, Points.of(10 + i), EarnReason.manual("tail"), key);
            assertThat(first.replayed()).as("fresh tail key").isFalse();
            record(applied, firstResults, replays, key, "earn", false, first, customer, first.entry().id());
            EarnResult again = instances[1].earn(TEA_CLUB, customer, Points.of(10 + i), EarnReason.manual("tail"), key);
            assertThat(again.replayed()).as("tail key replayed through the other instance").isTrue();
            record(applied, firstResults, replays, key, "earn", true, again, customer, again.entry().id());

            long balance = instances[1].balance(TEA_CLUB, customer).value();
            assertThatThrownBy(() -> instances[1].redeem(TEA_CLUB, customer, Points.of(balance + 1), null,
                    IdempotencyKey.of("tail-over-" + customer)))
                    .isInstanceOf(InsufficientPointsException.class);
            insufficient.incrementAndGet();
            assertThat(instances[0].balance(TEA_CLUB, customer).value()).as("failed redemption changed nothing")
                    .isEqualTo(balance);
        }
        clock().advance(Duration.ofDays(3 * 366));
        instances[0].expireAll(TEA_CLUB);
        for (CustomerId customer : customers) {
            assertThat(instances[1].balance(TEA_CLUB, customer).value()).as("every lot expired").isZero();
        }
    }

    private static long countExpiries(LoyaltyService loyalty, List<CustomerId> customers) {
        return customers.stream().flatMap(c -> loyalty.ledger(TEA_CLUB, c).stream())
                .filter(e -> e.kind() == EntryKind.EXPIRE).count();
    }

    @SuppressWarnings("unchecked")
    private static List<LedgerEntryId>[] newReversibleLists() {
        List<LedgerEntryId>[] lists = new List[ACCOUNTS];
        for (int i = 0; i < ACCOUNTS; i++) {
            lists[i] = new java.util.concurrent.CopyOnWriteArrayList<>();
        }
        return lists;
    }

    private static void record(Map<IdempotencyKey, Applied> applied, Map<IdempotencyKey, Object> first,
                               AtomicLong replays, IdempotencyKey key, String kind, boolean replayed, Object result,
                               CustomerId customer, LedgerEntryId entry) {
        if (replayed) {
            replays.incrementAndGet();
            Applied original = applied.get(key);
            if (original != null) {
                assertThat(entry).as("replay of %s returns the first entry", key).isEqualTo(original.entry());
            }
            return;
        }
        Applied previous = applied.putIfAbsent(key, new Applied(kind, customer, entry));
        assertThat(previous).as("key %s applied twice", key).isNull();
        first.put(key, result);
    }
}
