package org.cim4j.benchmarks.scale;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.cim4j.Channel;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.Gender;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.NewCustomer;
import org.cim4j.interaction.Direction;
import org.cim4j.interaction.InteractionType;
import org.cim4j.interaction.NewInteraction;

/**
 * Synthetic but realistic CRM data, a pure function of a seed and a row number: customer {@code i},
 * interaction {@code j} and purchase {@code k} are the same every time they are generated, so a
 * loader never has to keep what it wrote (constant memory) and a check can regenerate any sample and
 * compare it with what cim4j reads back.
 *
 * <p>Unique keys are unique by construction: e-mail addresses embed {@code i}; phone numbers are
 * Chinese mobile numbers {@code +86 138 xxxx xxxx} whose last eight digits are a bijection of
 * {@code i} (so {@code i < 100,000,000}); external ids {@code shop:user:u<base36>} likewise. Order ids
 * are {@code o-<k>}. Interactions and purchases are spread over customers proportionally: customer
 * {@code i} owns interactions {@code [i·M/N, (i+1)·M/N)} and purchases {@code [i·P/N, (i+1)·P/N)}.
 * All times lie in the two years before 2026-01-01, whole seconds (so no precision is lost anywhere).
 */
public final class SyntheticData {
    static final long MAX_CUSTOMERS = 100_000_000L;
    static final String CURRENCY = "EUR";
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final long TWO_YEARS_S = 2L * 365 * 24 * 3600;

    private static final String[] GIVEN = {"Anna", "Ben", "Clara", "David", "Elif", "Felix", "Greta", "Hannah",
        "Ivan", "Jonas", "Katarina", "Lukas", "Mia", "Noah", "Olga", "Paul", "Queenie", "Rafael", "Sofia", "Tom",
        "Ursula", "Viktor", "Wei", "Xiaoming", "Yusuf", "Zoe", "Li", "Mei", "Jun", "Aiko", "Omar", "Lea"};
    private static final String[] FAMILY = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
        "Wagner", "Becker", "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Rossi", "Russo",
        "Garcia", "Martinez", "Novak", "Kowalski", "Yilmaz", "Kaya", "Tanaka", "Sato", "Smith", "Jones",
        "Brown", "Dubois", "Laurent", "Berg"};
    private static final String[] DOMAINS = {"example.com", "example.org", "example.net", "mail.example.com"};
    private static final Channel[] SOURCES = {Channel.POS, Channel.ESHOP, Channel.APP, Channel.STORE};
    private static final InteractionType[] TYPES = {InteractionType.PAGE_VIEW, InteractionType.PAGE_VIEW,
        InteractionType.CLICK, InteractionType.EMAIL, InteractionType.CALL, InteractionType.CHAT,
        InteractionType.VISIT, InteractionType.COMPLAINT, InteractionType.SERVICE_TICKET,
        InteractionType.ADD_TO_CART};
    private static final String[] SUBJECTS = {"Order status", "Delivery date", "Return request", "Product question",
        "Invoice copy", "Loyalty points", "Store opening hours", "Size advice", "Newsletter", "Payment problem"};
    private static final String[] OUTCOMES = {"resolved", "pending", "escalated", "callback"};
    private static final String[] CATEGORIES = {"tea", "ware", "books", "garden", "kitchen", "toys", "shoes"};
    private static final Channel[] ORDER_CHANNELS = {Channel.POS, Channel.ESHOP, Channel.APP};

    private final long seed;
    private final long customers;
    private final long interactions;
    private final long purchases;

    /**
     * @param customers    N, the final number of customers (interactions and purchases are spread over N)
     * @param interactions M
     * @param purchases    P
     */
    public SyntheticData(long seed, long customers, long interactions, long purchases) {
        if (customers <= 0 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customers must be 1.." + MAX_CUSTOMERS + ", was " + customers);
        }
        if (interactions < 0 || purchases < 0) {
            throw new IllegalArgumentException("interactions and purchases must not be negative");
        }
        this.seed = seed;
        this.customers = customers;
        this.interactions = interactions;
        this.purchases = purchases;
    }

    public long customers() {
        return customers;
    }

    public long interactions() {
        return interactions;
    }

    public long purchases() {
        return purchases;
    }

    private SplittableRandom random(long kind, long n) {
        return new SplittableRandom(mix(mix(seed ^ kind) + n));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static <T> T pick(SplittableRandom r, T[] from) {
        return from[r.nextInt(from.length)];
    }

    private String given(long i) {
        return pick(random(1, i), GIVEN);
    }

    private String family(long i) {
        SplittableRandom r = random(1, i);
        r.nextInt();
        return pick(r, FAMILY);
    }

    /** Customer {@code i}'s primary e-mail, as cim4j normalises it (lower case). */
    public String email(long i) {
        String local = ascii(given(i)) + "." + ascii(family(i)) + "." + i;
        return (local + "@" + DOMAINS[(int) Math.floorMod(mix(seed + i), (long) DOMAINS.length)])
                .toLowerCase(Locale.ROOT);
    }

    private static String ascii(String s) {
        return s.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae");
    }

    /** Customer {@code i}'s phone in E.164: {@code +86138} and eight digits, a bijection of {@code i}. */
    public String phone(long i) {
        long digits = Math.floorMod(i * 48_271L + Math.floorMod(seed, MAX_CUSTOMERS), MAX_CUSTOMERS);
        return String.format(Locale.ROOT, "+86138%08d", digits);
    }

    /** Customer {@code i}'s shop account id. */
    public ExternalId externalId(long i) {
        long v = Math.floorMod(i * 69_621L + Math.floorMod(seed * 7, MAX_CUSTOMERS), MAX_CUSTOMERS);
        return new ExternalId("shop:user", "u" + Long.toString(v, 36) + "-" + Long.toString(i, 36));
    }

    /** Customer {@code i}'s lifecycle stage (the one {@link #customer(long)} gives it). */
    public LifecycleStage stage(long i) {
        return LifecycleStage.values()[random(2, i).nextInt(LifecycleStage.values().length)];
    }

    /** Customer {@code i} as input for cim4j. */
    public NewCustomer customer(long i) {
        SplittableRandom r = random(2, i);
        String given = given(i);
        String family = family(i);
        LifecycleStage stage = LifecycleStage.values()[r.nextInt(LifecycleStage.values().length)];
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(55 * 365));
        Gender gender = r.nextInt(10) < 1 ? Gender.UNDISCLOSED : (r.nextBoolean() ? Gender.FEMALE : Gender.MALE);
        return NewCustomer.builder().name(given + " " + family).givenName(given).familyName(family)
                .birthDate(birth).gender(gender).stage(stage).source(pick(r, SOURCES))
                .email(email(i)).phone(phone(i)).externalId(externalId(i)).build();
    }

    /** First interaction number of customer {@code i} (exclusive end: {@code firstInteraction(i + 1)}). */
    public long firstInteraction(long i) {
        return Math.multiplyExact(i, interactions) / customers;
    }

    /** First purchase number of customer {@code i} (exclusive end: {@code firstPurchase(i + 1)}). */
    public long firstPurchase(long i) {
        return Math.multiplyExact(i, purchases) / customers;
    }

    private static Instant at(SplittableRandom r) {
        return BASE.minusSeconds(1 + r.nextLong(TWO_YEARS_S));
    }

    /** Interaction {@code j} of {@code customer}. */
    public NewInteraction interaction(long j, CustomerId customer) {
        SplittableRandom r = random(3, j);
        InteractionType type = pick(r, TYPES);
        NewInteraction.Builder b = NewInteraction.builder(customer, type).occurredAt(at(r))
                .direction(r.nextInt(4) == 0 ? Direction.OUTBOUND : Direction.INBOUND);
        if (type.equals(InteractionType.PAGE_VIEW) || type.equals(InteractionType.CLICK)
                || type.equals(InteractionType.ADD_TO_CART)) {
            return b.channel(r.nextBoolean() ? Channel.APP : Channel.ESHOP).subject("/p/" + r.nextInt(5000)).build();
        }
        b.subject(pick(r, SUBJECTS) + " #" + j).outcome(pick(r, OUTCOMES)).agent("agent-" + r.nextInt(200));
        if (r.nextInt(3) == 0) {
            b.notes("Customer asked about " + pick(r, CATEGORIES) + "; follow-up in " + (1 + r.nextInt(14)) + " days.");
        }
        if (r.nextInt(4) == 0) {
            b.csat(1 + r.nextInt(5));
        }
        if (r.nextInt(6) == 0) {
            b.nps(r.nextInt(11));
        }
        return b.build();
    }

    /** Purchase {@code k} of {@code customer}: 1–3 lines in EUR. */
    public NewPurchase purchase(long k, CustomerId customer) {
        SplittableRandom r = random(4, k);
        Channel channel = pick(r, ORDER_CHANNELS);
        String store = channel.equals(Channel.POS) ? "store-" + r.nextInt(300) : null;
        Instant at = at(r);
        int n = 1 + r.nextInt(3);
        List<PurchaseLine> lines = new ArrayList<>(n);
        for (int l = 0; l < n; l++) {
            lines.add(PurchaseLine.of("sku-" + r.nextInt(20_000), pick(r, CATEGORIES), 1 + r.nextInt(3),
                    Money.of(BigDecimal.valueOf(99 + r.nextInt(20_000), 2), CURRENCY)));
        }
        return new NewPurchase(customer, "o-" + k, channel, store, at, lines);
    }

    /** Sum of the lines, as cim4j computes a purchase's total. */
    public static Money total(NewPurchase p) {
        Money sum = null;
        for (PurchaseLine l : p.lines()) {
            sum = sum == null ? l.total() : sum.plus(l.total());
        }
        return sum;
    }
}
