package org.cim4j.benchmarks.jmh;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cim4j.Cim4j;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.benchmarks.suites.Fixture;
import org.cim4j.cache.CacheSettings;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Get by id of 1,000 hot customers on H2: cim4j with {@link CacheSettings#defaults()}, cim4j
 * uncached, and a bare Caffeine cache holding the same customers ({@code @Param kind}). Every cache
 * is filled before measuring, so the cached kinds only hit.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CachedGetBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CachedGetBenchmark {
    @Param({"cached", "uncached", "caffeine"})
    public String kind;
    @Param("1000")
    public int hot;

    private Fixture fixture;
    private Cim4j cached;
    private Cache<CustomerId, Customer> caffeine;
    private List<CustomerId> keys;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        fixture = Fixture.open(BenchDatabase.Target.H2, "jmh_cache", 42);
        cached = Fixture.cim4j(fixture.db, CacheSettings.defaults());
        List<CustomerId> ids = fixture.load(hot);
        keys = Fixture.keySequence(ids, 42);
        caffeine = Caffeine.newBuilder().maximumSize(CacheSettings.DEFAULT_CUSTOMER_MAXIMUM_SIZE).build();
        for (CustomerId id : ids) {
            caffeine.put(id, fixture.crm.customers().get(id));
            cached.customers().get(id);
        }
    }

    @Benchmark
    public Object get() {
        CustomerId id = keys.get(next++ & 0xFFFF);
        switch (kind) {
            case "cached":
                return cached.customers().get(id);
            case "caffeine":
                return caffeine.getIfPresent(id);
            default:
                return fixture.crm.customers().get(id);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cached.close();
        fixture.close();
    }
}
