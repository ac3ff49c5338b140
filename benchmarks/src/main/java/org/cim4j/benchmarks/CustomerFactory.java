package org.cim4j.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.cim4j.Channel;
import org.cim4j.customer.AttributeDefinition;
import org.cim4j.customer.AttributeSchema;
import org.cim4j.customer.AttributeType;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.NewCustomer;
import org.cim4j.customer.PostalAddress;
import org.cim4j.tag.TagId;
import org.jspecify.annotations.Nullable;

/**
 * Generates benchmark customers: every one distinct (e-mail, phone and external id derived from a
 * counter and the run's seed, so they never clash with each other or another run's) and of the same
 * realistic shape, so every child table of the customer aggregate is written and read: a name, a
 * birth date, a primary e-mail and phone (already in normalised form, so cim4j's normaliser and the
 * raw peers store identical values), one postal address, one external id, one text attribute
 * ({@value #ATTRIBUTE}) and, when given, one tag. Thread-safe.
 */
public final class CustomerFactory {
    /** The custom attribute every generated customer carries; declared in {@link #SCHEMA}. */
    public static final String ATTRIBUTE = "tier";
    /** Attribute schema a {@link org.cim4j.Cim4j} must be built with to accept generated customers. */
    public static final AttributeSchema SCHEMA =
            AttributeSchema.of(AttributeDefinition.optional(ATTRIBUTE, AttributeType.TEXT));
    private static final String[] GIVEN = {"Anna", "Ben", "Chen", "Dana", "Emil", "Fatima", "Goro", "Hana"};
    private static final String[] FAMILY = {"Schmidt", "Wang", "Garcia", "Okafor", "Rossi", "Tanaka", "Novak"};
    private static final String[] TIERS = {"bronze", "silver", "gold"};

    private final long seed;
    private final int lane;
    private final String prefix;
    private final @Nullable TagId tag;
    private final AtomicLong counter = new AtomicLong();

    /**
     * @param seed   the run's seed: the same seed yields the same customers in the same order
     * @param lane   0-9; factories writing to the same tables in one run need different lanes
     *               (lane {@code k} owns the phone numbers {@code +8613k........})
     * @param tag    a tag to assign to every customer, or null for none
     */
    public CustomerFactory(long seed, int lane, @Nullable TagId tag) {
        if (lane < 0 || lane > 9) {
            throw new IllegalArgumentException("lane must be 0-9, was " + lane);
        }
        this.seed = seed;
        this.lane = lane;
        this.prefix = "l" + lane + "n";
        this.tag = tag;
    }

    /** The next customer of this factory. */
    public NewCustomer next() {
        return customer(counter.getAndIncrement());
    }

    /** The next {@code n} customers. */
    public List<NewCustomer> next(int n) {
        List<NewCustomer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(next());
        }
        return list;
    }

    /** Customer number {@code n} of this factory (the same for the same seed, prefix and n). */
    public NewCustomer customer(long n) {
        if (n < 0 || n >= 100_000_000L) {
            throw new IllegalArgumentException("n must be in [0, 1e8), was " + n);
        }
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + n);
        String given = GIVEN[r.nextInt(GIVEN.length)];
        String family = FAMILY[r.nextInt(FAMILY.length)];
        String tagSeed = Long.toString(Math.floorMod(seed, 1_000_000L), 36);
        NewCustomer.Builder b = NewCustomer.builder()
                .name(given + " " + family + " " + n)
                .givenName(given)
                .familyName(family)
                .birthDate(LocalDate.of(1950 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28)))
                .stage(LifecycleStage.ACTIVE)
                .source(new Channel("web"))
                .email(prefix + n + "." + tagSeed + "@bench.example")
                // Chinese mobile numbers +86 13k nnnnnnnn: 10^8 valid, distinct E.164 numbers per lane.
                .phone(String.format(java.util.Locale.ROOT, "+8613%d%08d", lane, n))
                .address(new PostalAddress("home", List.of(n + " Bench Street", "Floor " + r.nextInt(20)),
                        "Berlin", null, String.format(java.util.Locale.ROOT, "%05d", r.nextInt(100_000)), "DE", true))
                .externalId("crm:" + prefix + "-" + tagSeed + "-" + n)
                .attribute(ATTRIBUTE, TIERS[r.nextInt(TIERS.length)]);
        if (tag != null) {
            b.tag(tag);
        }
        return b.build();
    }

    /** The tag given to every customer, if any. */
    public @Nullable TagId tag() {
        return tag;
    }

    @Override
    public String toString() {
        return "CustomerFactory[lane=" + lane + ", made=" + counter.get() + "]";
    }
}
