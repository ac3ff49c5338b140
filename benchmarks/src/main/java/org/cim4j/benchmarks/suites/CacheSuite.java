package org.cim4j.benchmarks.suites;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.List;
import org.cim4j.Cim4j;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.benchmarks.Interleaved;
import org.cim4j.benchmarks.ResultTable;
import org.cim4j.benchmarks.RunOptions;
import org.cim4j.benchmarks.Suite;
import org.cim4j.benchmarks.Verdict;
import org.cim4j.cache.CacheSettings;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;

/**
 * Cached get by id: cim4j with {@link CacheSettings#defaults()} over {@code JdbcStorage}, against
 * the same cim4j uncached and a bare Caffeine {@code Cache<CustomerId, Customer>} holding the same
 * customers. The working set (parameter {@code hot}, default 1,000, smoke 50) fits every cache
 * and is read once before measuring, so the cached peers only hit. Targets: cached ≥ 10 × uncached,
 * cached ≥ 0.5 × bare Caffeine. A fourth peer, Caffeine configured as cim4j configures its cache,
 * splits the gap to the bare cache into the configuration's share and cim4j's.
 */
public final class CacheSuite implements Suite {

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public String description() {
        return "cached get by id vs uncached vs bare Caffeine; targets cached >= 10 x uncached, >= 0.5 x Caffeine";
    }

    @Override
    public List<ResultTable> run(RunOptions options) throws Exception {
        int hot = (int) options.longParam("hot", 1_000, 50);
        ResultTable table = new ResultTable("cache: get customer by id, " + hot + " hot keys",
                "database", "peer", "ops/s", "ns/op", "spread");
        ResultTable verdicts = new ResultTable("cache: targets", "database", "ratio", "measured", "target");
        for (BenchDatabase.Target target : BenchDatabase.Target.values()) {
            if (!options.runs(target)) {
                continue;
            }
            try (Fixture f = Fixture.open(target, "cache", options.seed());
                 Cim4j cached = Fixture.cim4j(f.db, CacheSettings.defaults())) {
                List<CustomerId> ids = f.load(hot);
                List<CustomerId> keys = Fixture.keySequence(ids, options.seed());
                Cache<CustomerId, Customer> caffeine = Caffeine.newBuilder()
                        .maximumSize(CacheSettings.DEFAULT_CUSTOMER_MAXIMUM_SIZE).build();
                Cache<CustomerId, Customer> configured = likeCim4jsCustomerCache();
                for (CustomerId id : ids) {
                    Customer c = f.crm.customers().get(id);
                    caffeine.put(id, c);
                    configured.put(id, c);
                    cached.customers().get(id);
                }
                List<Interleaved.Result> r = Interleaved.of(options).run(List.of(
                        Interleaved.Peer.of("bare Caffeine", i -> caffeine.getIfPresent(keys.get((int) i & 0xFFFF))),
                        Interleaved.Peer.of("cim4j cached", i -> cached.customers().get(keys.get((int) i & 0xFFFF))),
                        Interleaved.Peer.of("cim4j uncached", i -> f.crm.customers().get(keys.get((int) i & 0xFFFF))),
                        Interleaved.Peer.of("Caffeine as cim4j configures it",
                                i -> configured.getIfPresent(keys.get((int) i & 0xFFFF)))));
                String db = target.name().toLowerCase();
                for (Interleaved.Result x : r) {
                    table.row(db, x.name(), x.rate(), x.nanos() / (double) x.ops(), LookupSuite.pct(x.spread()));
                }
                double vsUncached = r.get(1).ratioTo(r.get(2));
                double vsCaffeine = r.get(1).ratioTo(r.get(0));
                verdicts.row(db, "cached / uncached", vsUncached, Verdict.atLeast(vsUncached, 10).toString());
                verdicts.row(db, "cached / bare Caffeine", vsCaffeine, Verdict.atLeast(vsCaffeine, 0.5).toString());
            }
        }
        return List.of(table, verdicts);
    }

    /**
     * A Caffeine cache built the way cim4j builds its customer cache (size bound, expiry a fixed time
     * after write measured by a ticker, maintenance on the calling thread), without cim4j around it:
     * the gap between it and the bare cache is the cost of the configuration, the rest is cim4j's.
     */
    static Cache<CustomerId, Customer> likeCim4jsCustomerCache() {
        return Caffeine.newBuilder()
                .maximumSize(CacheSettings.DEFAULT_CUSTOMER_MAXIMUM_SIZE)
                .executor(Runnable::run)
                .ticker(Ticker.systemTicker())
                .expireAfterWrite(CacheSettings.DEFAULT_CUSTOMER_TTL)
                .build();
    }
}
