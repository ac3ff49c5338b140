package org.cim4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cim4j.cache.CacheFixtures.TENANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cim4j.VersionConflictException;
import org.cim4j.customer.Customer;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.spi.TransactionMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConcurrentCacheTest {

    /**
     * Read-only transactions read each record in a statement of its own and yield before returning
     * it, as READ COMMITTED databases do: writers commit between a reader's read and its cache fill.
     */
    static final class PerStatementReads extends ForwardingStorage {
        PerStatementReads(StorageProvider delegate) {
            super(delegate);
        }

        @Override
        public <T> T inTransaction(TransactionMode mode, StorageWork<T> work) {
            if (mode == TransactionMode.READ_ONLY) {
                return work.execute(new SnapshotStores(delegate, Thread::yield));
            }
            return super.inTransaction(mode, work);
        }
    }

    @Test
    @DisplayName("racing readers and writers: each thread reads its own writes, and afterwards the cache equals the store")
    void racingReadersAndWriters() throws Exception {
        CacheFixtures fx = new CacheFixtures(5);
        InMemoryStorage storage = InMemoryStorage.create();
        CachingStorageProvider p = CachingStorageProvider.wrap(new PerStatementReads(storage),
                CacheSettings.defaults(), fx.clock, false);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Customer c = fx.customer(TENANT, "C" + i, "c" + i + "@example.com");
            storage.write(s -> {
                s.customers().insert(c);
                return null;
            });
            customers.add(c);
        }
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    start.await(10, TimeUnit.SECONDS);
                    int writes = 0;
                    for (int i = 0; i < 300; i++) {
                        Customer target = customers.get(random.nextInt(customers.size()));
                        if (random.nextInt(4) == 0) {
                            Optional<Customer> written = tryUpdate(storage, p, fx, target);
                            if (written.isPresent()) {
                                writes++;
                                assertThat(read(p, target).orElseThrow().version())
                                        .as("read-your-writes").isGreaterThanOrEqualTo(written.get().version());
                            }
                        } else {
                            read(p, target);
                        }
                    }
                    return writes;
                }));
            }
            int writes = 0;
            for (Future<Integer> f : results) {
                writes += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(writes).isPositive();
        } finally {
            pool.shutdownNow();
        }
        for (Customer c : customers) {
            assertThat(read(p, c)).isEqualTo(read(storage, c));
        }
        assertThat(p.stats().get(0).hits()).isPositive();
        p.close();
        storage.close();
    }

    private static Optional<Customer> read(StorageProvider p, Customer c) {
        return p.read(s -> s.customers().findById(TENANT, c.id()));
    }

    /** Read-modify-write in one read-write transaction; a lost race is a version conflict, not an error. */
    private static Optional<Customer> tryUpdate(InMemoryStorage storage, CachingStorageProvider p, CacheFixtures fx,
                                                Customer target) {
        try {
            return Optional.of(p.write(s -> {
                Customer current = s.customers().findById(TENANT, target.id()).orElseThrow();
                LifecycleStage next = LifecycleStage.values()[(int) (current.version() % LifecycleStage.values().length)];
                Customer updated = fx.next(current.withStage(next));
                s.customers().update(updated);
                return updated;
            }));
        } catch (VersionConflictException lost) {
            return Optional.empty();
        }
    }
}
