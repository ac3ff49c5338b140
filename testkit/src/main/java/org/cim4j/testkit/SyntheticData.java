package org.cim4j.testkit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.cim4j.Channel;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.Gender;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.NewCustomer;
import org.cim4j.interaction.Direction;
import org.cim4j.interaction.InteractionType;
import org.cim4j.interaction.NewInteraction;
import org.cim4j.testkit.internal.Pools;

/**
 * Seeded generator of realistic test data: customers with Chinese or Western names, valid E.164
 * phones (CN, DE, US, GB), e-mails and addresses; and, per customer, purchases and interactions
 * whose counts follow a heavy-tailed (Pareto) distribution, so a few customers buy a lot and most
 * buy once or never, as in real shops.
 *
 * <p>Same seed, same data: {@link #customers()} is one sequence per instance, and
 * {@link #purchases(CustomerId)} / {@link #interactions(CustomerId)} depend only on the seed and
 * the customer id, not on call order. Times fall in {@code [from, to)} with microsecond precision.
 *
 * <pre>{@code
 * SyntheticData data = new SyntheticData(42);
 * List<Customer> customers = data.customers().limit(1_000).map(crm.customers()::create).toList();
 * customers.forEach(c -> data.purchases(c.id()).forEach(crm.purchases()::record));
 * }</pre>
 *
 * Not thread-safe; use one instance per thread.
 */
public final class SyntheticData {
    /** Default window of generated activity: the year 2025, before {@link MutableClock#DEFAULT_START}. */
    public static final Instant DEFAULT_FROM = Instant.parse("2025-01-01T00:00:00Z");
    public static final Instant DEFAULT_TO = Instant.parse("2026-01-01T00:00:00Z");

    /** Pareto shape of purchases per customer: 1.16 gives the classic 80/20 split. */
    private static final double PURCHASE_ALPHA = 1.16;
    /** Share of customers who never buy (leads and prospects). */
    private static final double NEVER_BUYS = 0.3;
    private static final int MAX_PURCHASES = 500;
    private static final int MAX_INTERACTIONS = 300;

    private static final String[][] CATALOGUE = {
            {"TEA-LONGJING", "tea", "128.00"}, {"TEA-PUER", "tea", "89.50"}, {"SHOE-RUN-42", "shoes", "599.00"},
            {"SHOE-CASUAL", "shoes", "349.00"}, {"TSHIRT-BASIC", "apparel", "59.90"}, {"JACKET-RAIN", "apparel", "459.00"},
            {"PHONE-CASE", "electronics", "39.00"}, {"EARBUDS", "electronics", "299.00"}, {"BOOK-COOK", "books", "68.00"},
            {"MUG-CERAMIC", "home", "35.00"}};

    private final long seed;
    private final Instant from;
    private final Instant to;
    private final Random random;
    private final Set<String> usedPhones = new HashSet<>();
    private long serial;

    /** Data with activity in {@link #DEFAULT_FROM}..{@link #DEFAULT_TO}. */
    public SyntheticData(long seed) {
        this(seed, DEFAULT_FROM, DEFAULT_TO);
    }

    public SyntheticData(long seed, Instant from, Instant to) {
        this.seed = seed;
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        this.random = new Random(seed);
    }

    /**
     * An endless sequence of customers: 45% CN, 20% DE, 20% US, 15% GB, each with a name of their
     * country, a unique e-mail, usually a unique mobile phone, an address, often a POS member number.
     */
    public Stream<NewCustomer> customers() {
        return Stream.generate(this::nextCustomer);
    }

    /** The next {@code n} customers of {@link #customers()}. */
    public List<NewCustomer> customers(int n) {
        return customers().limit(n).toList();
    }

    private NewCustomer nextCustomer() {
        long n = ++serial;
        String country = country(random);
        Pools.Name name = Pools.name(country, random);
        NewCustomer.Builder b = NewCustomer.builder().name(name.display()).givenName(name.given()).familyName(name.family())
                .email(Pools.email(name, country, n, random))
                .stage(stage(random))
                .source(pick(random, Channel.POS, Channel.POS, Channel.ESHOP, Channel.APP, Channel.STORE));
        if (random.nextDouble() < 0.85) {
            b.phone(uniquePhone(country));
        }
        if (random.nextDouble() < 0.7) {
            b.birthDate(LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 55)));
        }
        if (random.nextDouble() < 0.8) {
            b.gender(pick(random, Gender.FEMALE, Gender.MALE, Gender.FEMALE, Gender.MALE, Gender.UNDISCLOSED));
        }
        if (random.nextDouble() < 0.75) {
            b.address(Pools.address(country, "home", true, random));
        }
        if (random.nextDouble() < 0.1) {
            b.address(Pools.address(country, "billing", false, random));
        }
        if (random.nextDouble() < 0.6) {
            b.externalId("pos:member:" + (100_000 + n));
        }
        if (country.equals("CN") && random.nextDouble() < 0.5) {
            b.contact(ContactType.WECHAT, "wxid_" + Pools.ascii(name.emailLocal()) + n);
        }
        return b.build();
    }

    private String uniquePhone(String country) {
        while (true) {
            String phone = Pools.phone(country, random);
            if (usedPhones.add(phone)) {
                return phone;
            }
        }
    }

    /**
     * How many purchases {@link #purchases(CustomerId)} yields for this customer: 0 for about 30%,
     * otherwise Pareto-distributed (most 1, a few dozens or hundreds).
     */
    public int purchaseCount(CustomerId customer) {
        return purchaseCount(randomFor(customer, 1));
    }

    private static int purchaseCount(Random r) {
        if (r.nextDouble() < NEVER_BUYS) {
            return 0;
        }
        return (int) Math.min(MAX_PURCHASES, Math.floor(pareto(r, PURCHASE_ALPHA)));
    }

    /** The customer's purchases, oldest first, in the currency of a home country drawn for them. */
    public Stream<NewPurchase> purchases(CustomerId customer) {
        Random r = randomFor(customer, 1);
        int count = purchaseCount(r);
        String currency = switch (country(r)) {
            case "CN" -> "CNY";
            case "DE" -> "EUR";
            case "US" -> "USD";
            default -> "GBP";
        };
        List<Instant> times = sortedTimes(r, count);
        List<NewPurchase> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Channel channel = pick(r, Channel.POS, Channel.POS, Channel.ESHOP, Channel.ESHOP, Channel.APP);
            int lineCount = 1 + (int) Math.min(5, Math.floor(pareto(r, 2.0)) - 1);
            List<PurchaseLine> lines = new ArrayList<>();
            Set<String> skus = new HashSet<>();
            for (int l = 0; l < lineCount; l++) {
                String[] item = CATALOGUE[r.nextInt(CATALOGUE.length)];
                if (skus.add(item[0])) {
                    BigDecimal price = new BigDecimal(item[2]);
                    if (!currency.equals("CNY")) {
                        price = price.divide(BigDecimal.valueOf(8), 2, java.math.RoundingMode.HALF_UP);
                    }
                    lines.add(PurchaseLine.of(item[0], item[1], 1 + (r.nextDouble() < 0.2 ? r.nextInt(3) : 0),
                            Money.of(price, currency)));
                }
            }
            String orderId = "SO-" + customer.value().toString().replace("-", "") + "-" + (i + 1);
            out.add(new NewPurchase(customer, orderId, channel, channel.equals(Channel.POS) ? "store-" + (1 + r.nextInt(12)) : null,
                    times.get(i), lines));
        }
        return out.stream();
    }

    /**
     * The customer's interactions, oldest first: mostly web/app events (views, clicks, carts), some
     * calls, chats and e-mails, a few complaints and survey responses with CSAT/NPS scores.
     */
    public Stream<NewInteraction> interactions(CustomerId customer) {
        Random r = randomFor(customer, 2);
        int count = r.nextDouble() < 0.2 ? 0 : (int) Math.min(MAX_INTERACTIONS, Math.floor(pareto(r, 1.3)) * 2);
        List<Instant> times = sortedTimes(r, count);
        List<NewInteraction> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double kind = r.nextDouble();
            NewInteraction.Builder b;
            if (kind < 0.55) {
                b = NewInteraction.builder(customer, pick(r, InteractionType.PAGE_VIEW, InteractionType.PAGE_VIEW,
                        InteractionType.CLICK, InteractionType.ADD_TO_CART)).channel(pick(r, Channel.ESHOP, Channel.APP))
                        .direction(Direction.NONE);
            } else if (kind < 0.85) {
                InteractionType type = pick(r, InteractionType.CALL, InteractionType.CHAT, InteractionType.EMAIL,
                        InteractionType.VISIT);
                b = NewInteraction.builder(customer, type).channel(channelFor(type))
                        .direction(r.nextDouble() < 0.7 ? Direction.INBOUND : Direction.OUTBOUND)
                        .subject(pick(r, "Order status", "Product question", "Delivery", "Membership points", "售后咨询"))
                        .agent("agent-" + (1 + r.nextInt(20))).outcome(pick(r, "resolved", "resolved", "follow-up"));
                if (r.nextDouble() < 0.3) {
                    b.csat(satisfaction(r));
                }
            } else if (kind < 0.93) {
                b = NewInteraction.builder(customer, InteractionType.SURVEY_RESPONSE).channel(Channel.EMAIL)
                        .direction(Direction.INBOUND).nps(Math.min(10, Math.max(0, 8 + (int) Math.round(r.nextGaussian() * 2.5))));
            } else {
                b = NewInteraction.builder(customer, pick(r, InteractionType.COMPLAINT, InteractionType.SERVICE_TICKET))
                        .channel(pick(r, Channel.PHONE, Channel.SERVICE_DESK, Channel.EMAIL)).direction(Direction.INBOUND)
                        .subject(pick(r, "Damaged item", "Late delivery", "Refund request", "退货"))
                        .agent("agent-" + (1 + r.nextInt(20))).csat(1 + r.nextInt(3))
                        .outcome(pick(r, "refunded", "replaced", "escalated"));
            }
            out.add(b.occurredAt(times.get(i)).build());
        }
        return out.stream();
    }

    private static Channel channelFor(InteractionType type) {
        if (type.equals(InteractionType.CALL)) {
            return Channel.PHONE;
        } else if (type.equals(InteractionType.CHAT)) {
            return Channel.CHAT;
        } else if (type.equals(InteractionType.EMAIL)) {
            return Channel.EMAIL;
        }
        return Channel.STORE;
    }

    private static int satisfaction(Random r) {
        double x = r.nextDouble();
        return x < 0.05 ? 1 : x < 0.12 ? 2 : x < 0.3 ? 3 : x < 0.65 ? 4 : 5;
    }

    private List<Instant> sortedTimes(Random r, int count) {
        long span = ChronoUnit.MICROS.between(from, to);
        List<Instant> times = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            times.add(from.plus(Duration.of(Math.floorMod(r.nextLong(), span), ChronoUnit.MICROS)));
        }
        times.sort(null);
        return times;
    }

    private Random randomFor(CustomerId customer, int stream) {
        long h = customer.value().getMostSignificantBits() * 31 + customer.value().getLeastSignificantBits();
        return new Random(seed * 1_000_003L + h * 7 + stream);
    }

    /** Pareto with minimum 1 and shape {@code alpha}, by inverse transform. */
    private static double pareto(Random r, double alpha) {
        return Math.pow(1 - r.nextDouble(), -1 / alpha);
    }

    private static String country(Random r) {
        double x = r.nextDouble();
        return x < 0.45 ? "CN" : x < 0.65 ? "DE" : x < 0.85 ? "US" : "GB";
    }

    private static LifecycleStage stage(Random r) {
        double x = r.nextDouble();
        return x < 0.25 ? LifecycleStage.LEAD : x < 0.35 ? LifecycleStage.PROSPECT : x < 0.5 ? LifecycleStage.NEW
                : x < 0.8 ? LifecycleStage.ACTIVE : x < 0.9 ? LifecycleStage.AT_RISK : LifecycleStage.CHURNED;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... items) {
        return items[r.nextInt(items.length)];
    }
}
