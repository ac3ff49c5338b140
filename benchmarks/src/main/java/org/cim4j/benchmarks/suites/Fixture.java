package org.cim4j.benchmarks.suites;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cim4j.Cim4j;
import org.cim4j.TenantId;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.benchmarks.CustomerFactory;
import org.cim4j.cache.CacheSettings;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.tag.NewTag;
import org.cim4j.tag.TagId;

/**
 * One suite's database with a cim4j instance on it, one tag and a factory of customers carrying
 * that tag, plus helpers to load customers and pick keys deterministically.
 */
public final class Fixture implements AutoCloseable {
    public static final int LOAD_BATCH = 1_000;

    public final BenchDatabase db;
    public final Cim4j crm;
    public final TagId tag;
    public final CustomerFactory factory;
    public final String tenant = TenantId.DEFAULT.value();

    private Fixture(BenchDatabase db, Cim4j crm, TagId tag, CustomerFactory factory) {
        this.db = db;
        this.crm = crm;
        this.tag = tag;
        this.factory = factory;
    }

    /** Opens {@code cim4j_bench_b1_<suite>_<target>} with an uncached cim4j on it. */
    public static Fixture open(BenchDatabase.Target target, String suite, long seed) {
        BenchDatabase db = BenchDatabase.open(target, "b1_" + suite + "_" + target.name().toLowerCase(), 4);
        try {
            Cim4j crm = cim4j(db, CacheSettings.off());
            TagId tag = crm.tags().create(NewTag.of("bench")).id();
            return new Fixture(db, crm, tag, new CustomerFactory(seed, 0, tag));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** A cim4j instance over the fixture's pool with the given cache settings (closed by the caller). */
    public static Cim4j cim4j(BenchDatabase db, CacheSettings cache) {
        return Cim4j.builder().storage(db.storage()).attributeSchema(CustomerFactory.SCHEMA).cache(cache).build();
    }

    /** Creates {@code n} customers through cim4j in batches of {@value #LOAD_BATCH}; returns their ids in order. */
    public List<CustomerId> load(int n) {
        List<CustomerId> ids = new ArrayList<>(n);
        int batches = 0;
        for (int done = 0; done < n; done += LOAD_BATCH) {
            for (Customer c : crm.customers().createAll(factory.next(Math.min(LOAD_BATCH, n - done)))) {
                ids.add(c.id());
            }
            batches++;
            // PostgreSQL plans cim4j's duplicate lookups on freshly created, never-analysed tables as
            // nested loops over every row (O(n) per lookup, O(n^2) per load). Autovacuum would analyse
            // eventually; here statistics are refreshed after batch 1, 2, 4, 8, ... so loads stay linear.
            if (Integer.bitCount(batches) == 1) {
                analyze();
            }
        }
        analyze();
        return ids;
    }

    /** On PostgreSQL, refreshes planner statistics of this fixture's customer tables (only its own schema). */
    public void analyze() {
        if (db.target() == BenchDatabase.Target.POSTGRESQL) {
            db.execute("ANALYZE " + String.join(", ", List.of("customer", "customer_unique_key", "customer_contact",
                    "customer_address", "customer_external_id", "customer_attribute", "customer_tag").stream()
                    .map(db::table).toList()));
        }
    }

    /**
     * A fixed sequence of {@code 2^16} keys drawn uniformly from {@code ids} with a seeded
     * {@link SplittableRandom}; every peer walks the same sequence (call {@code i} uses
     * {@code keys[i & 0xFFFF]}).
     */
    public static <T> List<T> keySequence(List<T> ids, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<T> keys = new ArrayList<>(1 << 16);
        for (int i = 0; i < 1 << 16; i++) {
            keys.add(ids.get(r.nextInt(ids.size())));
        }
        return keys;
    }

    @Override
    public void close() {
        try {
            crm.close();
        } finally {
            db.close();
        }
    }
}
