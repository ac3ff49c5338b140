package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cim4j.DuplicateException;
import org.cim4j.VersionConflictException;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.testkit.internal.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Concurrent writers: optimistic versions lose no update, unique keys hold under racing inserts,
 * and parallel inserts are all kept. Threads start together on a barrier; nothing sleeps.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class ConcurrencyContract extends AdapterContract implements StorageContractRules.ConcurrencyRules {
    private static final int THREADS = 8;
    private static final int UPDATES_PER_THREAD = 25;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        if (pool == null) {
            return; // the test was skipped before the pool started
        }
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private <T> List<T> runTogether(int parties, IntFunctionWithBarrier<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(parties);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < parties; i++) {
            int index = i;
            futures.add(pool.submit((Callable<T>) () -> {
                start.await(10, TimeUnit.SECONDS);
                return task.apply(index);
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    /** A task for one of several threads, given its index. */
    @FunctionalInterface
    interface IntFunctionWithBarrier<T> {
        T apply(int index) throws Exception;
    }

    @Test
    @DisplayName("8 threads doing read-modify-write with retry on VersionConflict lose no update")
    public void optimisticUpdates_noLostUpdate() throws Exception {
        Customer c = insert(fixtures().customer(TENANT, "Contended"));
        AtomicInteger conflicts = new AtomicInteger();
        List<Integer> successes = runTogether(THREADS, t -> {
            int done = 0;
            for (int u = 0; u < UPDATES_PER_THREAD; u++) {
                String key = "t" + t + "_u" + u;
                long value = t * 1000L + u;
                while (true) {
                    try {
                        provider().write(s -> {
                            Customer current = s.customers().findById(TENANT, c.id()).orElseThrow();
                            Customer next = current.withAttribute(key, AttributeValue.of(value))
                                    .withBookkeeping(current.version() + 1, current.status(), null, current.updatedAt());
                            s.customers().update(next);
                            return null;
                        });
                        done++;
                        break;
                    } catch (VersionConflictException e) {
                        conflicts.incrementAndGet();
                    }
                }
            }
            return done;
        });
        int total = successes.stream().mapToInt(Integer::intValue).sum();
        Customer last = provider().read(s -> s.customers().findById(TENANT, c.id())).orElseThrow();
        assertThat(total).isEqualTo(THREADS * UPDATES_PER_THREAD);
        assertThat(last.version()).isEqualTo(1L + total);
        assertThat(last.attributes()).hasSize(THREADS * UPDATES_PER_THREAD);
        for (int t = 0; t < THREADS; t++) {
            for (int u = 0; u < UPDATES_PER_THREAD; u++) {
                assertThat(last.attribute("t" + t + "_u" + u)).contains(AttributeValue.of(t * 1000L + u));
            }
        }
    }

    @Test
    @DisplayName("two updates from the same version: exactly one commits, the other gets VersionConflict")
    public void sameVersionUpdates_oneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            Customer c = insert(fixtures().customer(TENANT, "R" + round));
            List<Boolean> won = runTogether(2, t -> {
                Customer next = fixtures().next(c.withAttribute("winner", AttributeValue.of(t)));
                try {
                    inWrite(s -> s.customers().update(next));
                    return true;
                } catch (VersionConflictException e) {
                    return false;
                }
            });
            assertThat(won).containsExactlyInAnyOrder(true, false);
            assertThat(readOptional(s -> s.customers().findById(TENANT, c.id())).orElseThrow().version()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("16 threads inserting customers with the same external id: exactly one succeeds")
    public void racingInserts_sameExternalId_oneWins() throws Exception {
        List<Customer> candidates = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            candidates.add(Fixtures.withExternalId(fixtures().customer(TENANT, "Racer " + i), "pos:member", "777"));
        }
        List<String> outcomes = runTogether(16, t -> {
            try {
                inWrite(s -> s.customers().insert(candidates.get(t)));
                return "ok";
            } catch (DuplicateException e) {
                return "duplicate:" + e.key();
            }
        });
        assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("ok")).hasSize(15).allMatch("duplicate:externalId"::equals);
        assertThat(readCount(s -> s.customers().count(TENANT, CustomerQuery.all()))).isEqualTo(1);
    }

    @Test
    @DisplayName("16 threads inserting customers with the same primary e-mail: exactly one succeeds")
    public void racingInserts_samePrimaryContact_oneWins() throws Exception {
        List<Customer> candidates = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            candidates.add(Fixtures.withContacts(fixtures().customer(TENANT, "Racer " + i),
                    org.cim4j.customer.ContactPoint.email("same@example.com")));
        }
        List<Boolean> ok = runTogether(16, t -> {
            try {
                inWrite(s -> s.customers().insert(candidates.get(t)));
                return true;
            } catch (DuplicateException e) {
                return false;
            }
        });
        assertThat(ok).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(readCount(s -> s.customers().count(TENANT, CustomerQuery.all()))).isEqualTo(1);
    }

    @Test
    @DisplayName("parallel inserts of distinct customers are all kept")
    public void parallelInserts_allVisible() throws Exception {
        int perThread = 25;
        List<List<Customer>> batches = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Customer> batch = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                batch.add(Fixtures.withExternalId(fixtures().customer(TENANT, "P" + t + "-" + i), "pos:member", t + "-" + i));
            }
            batches.add(batch);
        }
        runTogether(THREADS, t -> {
            for (Customer c : batches.get(t)) {
                inWrite(s -> s.customers().insert(c));
            }
            return null;
        });
        List<Customer> all = provider().read(s -> s.customers().query(TENANT, CustomerQuery.all(), null, 1000));
        assertThat(all).hasSize(THREADS * perThread);
        assertThat(all).containsExactlyInAnyOrderElementsOf(batches.stream().flatMap(List::stream).toList());
    }
}
