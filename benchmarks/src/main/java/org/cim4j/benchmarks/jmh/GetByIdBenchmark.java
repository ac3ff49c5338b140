package org.cim4j.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.benchmarks.peer.RawJdbcCustomerDao;
import org.cim4j.benchmarks.peer.hibernate.HibernateCustomerDao;
import org.cim4j.benchmarks.suites.Fixture;
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
 * Get one customer with its children by id on H2 in memory, through the peer chosen by
 * {@code @Param peer}: cim4j (no cache), the hand-written raw JDBC DAO, or Hibernate ORM. All
 * three read the same 1,000 customers (written by cim4j) in the same seeded key order.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar GetByIdBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GetByIdBenchmark {
    @Param({"cim4j", "raw", "hibernate"})
    public String peer;
    @Param("1000")
    public int customers;

    private Fixture fixture;
    private RawJdbcCustomerDao raw;
    private HibernateCustomerDao hibernate;
    private List<CustomerId> keys;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        fixture = Fixture.open(BenchDatabase.Target.H2, "jmh_get", 42);
        keys = Fixture.keySequence(fixture.load(customers), 42);
        raw = new RawJdbcCustomerDao(fixture.db);
        if (peer.equals("hibernate")) {
            hibernate = new HibernateCustomerDao(fixture.db);
        }
    }

    @Benchmark
    public Object get() throws Exception {
        CustomerId id = keys.get(next++ & 0xFFFF);
        switch (peer) {
            case "raw":
                return raw.get(fixture.tenant, id.value()).orElseThrow();
            case "hibernate":
                return hibernate.get(fixture.tenant, id.value()).orElseThrow();
            default:
                return fixture.crm.customers().get(id);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (hibernate != null) {
            hibernate.close();
        }
        fixture.close();
    }
}
