package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cim4j.testkit.contract.LoyaltyFixtures.TEA_CLUB;
import static org.cim4j.testkit.contract.LoyaltyFixtures.line;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.cim4j.Channel;
import org.cim4j.TenantId;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.commerce.PurchaseStatus;
import org.cim4j.customer.CustomerId;
import org.cim4j.loyalty.EarnEvent;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.EarnSource;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.ExpiryPolicy;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.LoyaltyService;
import org.cim4j.loyalty.Lot;
import org.cim4j.loyalty.MemberAccountId;
import org.cim4j.loyalty.Points;
import org.cim4j.loyalty.ProgramId;
import org.cim4j.spi.LedgerTotals;
import org.cim4j.spi.PurchaseTotals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The aggregate reads of the loyalty SPI ({@link org.cim4j.spi.LoyaltyStore#ledgerTotals},
 * {@link org.cim4j.spi.LoyaltyStore#dueLots}, {@link org.cim4j.spi.PurchaseStore#totals}). The engine decides
 * tier upgrades, daily caps and expiry from them under the account lock, so an adapter override that
 * disagrees with the plain reads would silently change balances and tiers.
 *
 * <p>Every test compares the adapter's answer with an oracle computed here from the plain reads
 * ({@code entries}, {@code openLots}, {@code history}) following the SPI javadoc, and pins the oracle itself
 * to hand-computed numbers so that neither side can drift unnoticed.
 */
public abstract class LoyaltyAggregatesContract extends AdapterContract {
    private static final AtomicInteger SEEDS = new AtomicInteger();
    private static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final ProgramId FOREVER = ProgramId.of("tea-forever");

    private LoyaltyService loyalty;
    private CustomerId alice;

    @BeforeEach
    void setUpAggregates() {
        loyalty = crm().loyalty();
        loyalty.defineProgram(LoyaltyFixtures.teaClub());
        alice = newCustomer(TENANT);
    }

    private CustomerId newCustomer(TenantId tenant) {
        return LoyaltyFixtures.customer(provider(), tenant, new UUID(0xA66L, SEEDS.incrementAndGet()), clock().instant());
    }

    private static IdempotencyKey key(String k) {
        return IdempotencyKey.of(k);
    }

    private MemberAccountId accountOf(LoyaltyService service, ProgramId program, CustomerId c) {
        return service.account(program, c).id();
    }

    // ---- adapter reads -----------------------------------------------------------------------

    private LedgerTotals totals(TenantId tenant, MemberAccountId account, Instant from, Instant to) {
        return provider().read(s -> s.loyalty().ledgerTotals(tenant, account, from, to));
    }

    private List<LedgerEntry> entries(TenantId tenant, MemberAccountId account) {
        return readList(s -> s.loyalty().entries(tenant, account));
    }

    private List<Lot> dueLots(TenantId tenant, MemberAccountId account, Instant at) {
        return readList(s -> s.loyalty().dueLots(tenant, account, at));
    }

    private PurchaseTotals purchaseTotals(TenantId tenant, CustomerId c, Currency currency, Instant from, Instant to) {
        return provider().read(s -> s.purchases().totals(tenant, c, currency, from, to));
    }

    // ---- oracles (straight from the SPI javadoc) ---------------------------------------------

    private static LedgerTotals oracle(List<LedgerEntry> entries, Instant from, Instant to) {
        long qualifying = 0;
        long ruleEarned = 0;
        for (LedgerEntry e : entries) {
            if (e.at().compareTo(from) < 0 || e.at().compareTo(to) >= 0) {
                continue;
            }
            boolean earn = e.kind() == EntryKind.EARN;
            if (earn || (e.kind() == EntryKind.REVERSAL && e.delta() < 0)) {
                qualifying += e.delta();
            }
            if (earn && e.earnReason().source() != EarnSource.MANUAL) {
                ruleEarned += e.delta();
            }
        }
        return new LedgerTotals(qualifying, ruleEarned);
    }

    private List<Lot> dueOracle(TenantId tenant, MemberAccountId account, Instant at) {
        return readList(s -> s.loyalty().openLots(tenant, account)).stream()
                .filter(l -> l.remaining() > 0 && l.expiresAt() != null && l.expiresAt().compareTo(at) <= 0)
                .toList();
    }

    private PurchaseTotals purchaseOracle(TenantId tenant, CustomerId c, Currency currency, Instant from, Instant to) {
        long spend = 0;
        long orders = 0;
        for (Purchase p : readList(s -> s.purchases().history(tenant, c, null, 10_000))) {
            if (p.occurredAt().compareTo(from) < 0 || p.occurredAt().compareTo(to) >= 0
                    || !p.total().currency().equals(currency)) {
                continue;
            }
            var net = p.total().amount().subtract(p.refunded().amount());
            spend += net.setScale(0, RoundingMode.FLOOR).longValueExact();
            orders += net.signum() == 0 ? 0 : 1;
        }
        return new PurchaseTotals(spend, orders);
    }

    private void assertTotalsMatchOracle(MemberAccountId account, List<LedgerEntry> entries, Instant from, Instant to) {
        assertThat(totals(TENANT, account, from, to)).as("ledgerTotals [%s, %s)", from, to)
                .isEqualTo(oracle(entries, from, to));
    }

    private Purchase purchase(TenantId tenant, CustomerId c, String orderId, Instant at, String currency,
                              String amount) {
        PurchaseLine l = PurchaseLine.of("sku-" + orderId, "tea", 1, Money.of(amount, currency));
        Purchase p = new Purchase(PurchaseId.of(new UUID(0xB0BL, SEEDS.incrementAndGet())), tenant, c, orderId,
                Channel.POS, null, at, List.of(l), l.total(), Money.zero(l.total().currency()), PurchaseStatus.COMPLETED,
                1, at);
        inWrite(s -> s.purchases().insert(p));
        return p;
    }

    // ---- tests -------------------------------------------------------------------------------

    @Test
    @DisplayName("ledgerTotals: manual and rule earns, redeems, reversals and adjustments over many windows")
    void ledgerTotals_mixedLedger_matchesOracleOverWindows() {
        Instant t0 = clock().instant();
        var earned = loyalty.earn(TEA_CLUB, alice, Points.of(300), EarnReason.manual("welcome"), key("m-1")); // + sign-up 50
        clock().advance(Duration.ofHours(1));
        loyalty.earnForEvent(TEA_CLUB, alice, EarnEvent.BIRTHDAY, key("bday")); // 88, rule
        clock().advance(Duration.ofMillis(1));
        Purchase p = LoyaltyFixtures.purchase(provider(), TENANT, alice, new UUID(0xB0BL, SEEDS.incrementAndGet()),
                "o-1", clock().instant(), line("oolong", "tea", 1, "100.00"));
        var purchaseEarn = loyalty.earnForPurchase(TEA_CLUB, p.id(), key("p-1")); // rule
        clock().advance(Duration.ofMinutes(30));
        var redeem = loyalty.redeem(TEA_CLUB, alice, Points.of(150), "o-2", key("r-1"));
        clock().advance(Duration.ofSeconds(1));
        loyalty.reverse(TEA_CLUB, alice, earned.entry().id(), Points.of(100), "mistake", key("rev-earn"));
        clock().advance(Duration.ofMillis(1));
        loyalty.reverse(TEA_CLUB, alice, redeem.entry().id(), null, "cancelled", key("rev-redeem"));
        clock().advance(Duration.ofDays(2));
        loyalty.adjust(TEA_CLUB, alice, 40, "goodwill", key("adj+"));
        loyalty.adjust(TEA_CLUB, alice, -20, "correction", key("adj-"));
        clock().advance(Duration.ofHours(3));
        loyalty.earn(TEA_CLUB, alice, Points.of(70), EarnReason.manual("late"), key("m-2"));

        MemberAccountId account = accountOf(loyalty, TEA_CLUB, alice);
        List<LedgerEntry> entries = entries(TENANT, account);
        assertThat(entries).extracting(LedgerEntry::kind).contains(EntryKind.EARN, EntryKind.REDEEM,
                EntryKind.REVERSAL, EntryKind.ADJUST);
        long purchasePoints = purchaseEarn.earned().value();
        assertThat(purchasePoints).isPositive();

        // the oracle itself, pinned by hand: earns 50+300+88+P+70, minus the reversed 100; rule = 50+88+P
        LedgerTotals all = new LedgerTotals(50 + 300 + 88 + purchasePoints + 70 - 100, 50 + 88 + purchasePoints);
        assertThat(oracle(entries, EPOCH, FAR)).isEqualTo(all);
        assertThat(totals(TENANT, account, EPOCH, FAR)).isEqualTo(all);

        // empty windows, and windows entirely before/after the ledger
        Instant last = entries.get(entries.size() - 1).at();
        assertThat(totals(TENANT, account, t0, t0)).isEqualTo(LedgerTotals.ZERO);
        assertThat(totals(TENANT, account, EPOCH, t0)).isEqualTo(LedgerTotals.ZERO);
        assertThat(totals(TENANT, account, last.plusMillis(1), FAR)).isEqualTo(LedgerTotals.ZERO);
        assertThat(totals(TENANT, account, t0, t0.plusMillis(1))).isEqualTo(new LedgerTotals(350, 50));
        assertThat(totals(TENANT, account, EPOCH, last)).isEqualTo(new LedgerTotals(all.qualifyingPoints() - 70,
                all.ruleEarnedPoints()));

        // every pair of distinct entry times, each shifted by -1ms/0/+1ms: from inclusive, to exclusive
        TreeSet<Instant> bounds = new TreeSet<>();
        for (LedgerEntry e : entries) {
            bounds.add(e.at().minusMillis(1));
            bounds.add(e.at());
            bounds.add(e.at().plusMillis(1));
        }
        List<Instant> b = new ArrayList<>(bounds);
        for (int i = 0; i < b.size(); i++) {
            for (int j = i; j < b.size(); j++) {
                assertTotalsMatchOracle(account, entries, b.get(i), b.get(j));
            }
        }
    }

    @Test
    @DisplayName("ledgerTotals: expiries do not count, and a seeded random ledger agrees with the oracle")
    void ledgerTotals_randomLedger_matchesOracle() {
        Random random = new Random(20261123L);
        List<LedgerEntryId> reversible = new ArrayList<>();
        Set<LedgerEntryId> reversed = new HashSet<>();
        long balance = 0;
        for (int i = 0; i < 60; i++) {
            int op = random.nextInt(10);
            String k = "c-" + i;
            if (op < 4 || balance < 200) {
                var r = loyalty.earn(TEA_CLUB, alice, Points.of(1 + random.nextInt(400)), EarnReason.manual("n"), key(k));
                reversible.add(r.entry().id());
                balance = r.balance().value();
            } else if (op < 6) {
                var r = loyalty.earnForEvent(TEA_CLUB, alice, EarnEvent.BIRTHDAY, key(k));
                if (r.entry() != null) {
                    reversible.add(r.entry().id());
                }
                balance = r.balance().value();
            } else if (op < 8) {
                var r = loyalty.redeem(TEA_CLUB, alice, Points.of(100 + random.nextInt((int) Math.min(balance, 5000) - 99)),
                        null, key(k));
                reversible.add(r.entry().id());
                balance = r.balance().value();
            } else if (op < 9) {
                LedgerEntryId target = reversible.get(random.nextInt(reversible.size()));
                if (reversed.add(target)) {
                    balance = loyalty.reverse(TEA_CLUB, alice, target, null, "undo", key(k)).balance().value();
                }
            } else {
                balance = loyalty.adjust(TEA_CLUB, alice, random.nextBoolean() ? 25 : -25, "fix", key(k)).balance().value();
            }
            long[] steps = {0, 1, 999, 60_000, 3_600_000, 86_400_000L * 10}; // stays within the first lots' life
            clock().advance(Duration.ofMillis(steps[random.nextInt(steps.length)]));
        }
        // jump past the first lots' expiry and run the expiry, which writes EXPIRE entries
        clock().advance(Duration.ofDays(800));
        loyalty.expire(TEA_CLUB, alice);

        MemberAccountId account = accountOf(loyalty, TEA_CLUB, alice);
        List<LedgerEntry> entries = entries(TENANT, account);
        assertThat(entries).extracting(LedgerEntry::kind).contains(EntryKind.EXPIRE, EntryKind.REVERSAL);
        assertThat(entries).filteredOn(e -> e.kind() == EntryKind.EARN)
                .extracting(e -> e.earnReason().source()).contains(EarnSource.MANUAL, EarnSource.EVENT);
        long earns = entries.stream().filter(e -> e.kind() == EntryKind.EARN).mapToLong(LedgerEntry::delta).sum();
        long earnReversals = entries.stream().filter(e -> e.kind() == EntryKind.REVERSAL && e.delta() < 0)
                .mapToLong(LedgerEntry::delta).sum();
        assertThat(totals(TENANT, account, EPOCH, FAR).qualifyingPoints()).isEqualTo(earns + earnReversals);

        List<Instant> times = entries.stream().map(LedgerEntry::at).distinct().toList();
        for (int i = 0; i < 200; i++) {
            Instant a = times.get(random.nextInt(times.size())).plusMillis(random.nextInt(3) - 1);
            Instant z = times.get(random.nextInt(times.size())).plusMillis(random.nextInt(3) - 1);
            Instant from = a.isBefore(z) ? a : z;
            Instant to = a.isBefore(z) ? z : a;
            assertTotalsMatchOracle(account, entries, from, to);
        }
    }

    @Test
    @DisplayName("ledgerTotals and dueLots never see another tenant's account, even with the same ids")
    void loyaltyAggregates_tenantIsolation() {
        loyalty.earn(TEA_CLUB, alice, Points.of(300), EarnReason.manual("n"), key("a-1"));
        loyalty.earnForEvent(TEA_CLUB, alice, EarnEvent.BIRTHDAY, key("a-2"));
        MemberAccountId mine = accountOf(loyalty, TEA_CLUB, alice);

        // the same customer id in the other tenant, with its own account and ledger
        CustomerId twin = LoyaltyFixtures.customer(provider(), OTHER_TENANT, alice.value(), clock().instant());
        LoyaltyService theirLoyalty = crm(OTHER_TENANT).loyalty();
        theirLoyalty.defineProgram(LoyaltyFixtures.teaClub());
        theirLoyalty.earn(TEA_CLUB, twin, Points.of(777), EarnReason.manual("n"), key("a-1"));
        MemberAccountId theirs = accountOf(theirLoyalty, TEA_CLUB, twin);

        Instant later = clock().instant().plus(Duration.ofDays(5000));
        assertThat(totals(TENANT, mine, EPOCH, FAR)).isEqualTo(new LedgerTotals(50 + 300 + 88, 50 + 88));
        assertThat(totals(OTHER_TENANT, theirs, EPOCH, FAR)).isEqualTo(new LedgerTotals(50 + 777, 50));
        assertThat(totals(OTHER_TENANT, mine, EPOCH, FAR)).isEqualTo(LedgerTotals.ZERO);
        assertThat(totals(TENANT, theirs, EPOCH, FAR)).isEqualTo(LedgerTotals.ZERO);
        assertThat(dueLots(TENANT, mine, later)).hasSize(3)
                .containsExactlyInAnyOrderElementsOf(dueOracle(TENANT, mine, later));
        assertThat(dueLots(OTHER_TENANT, mine, later)).isEmpty();
        assertThat(dueLots(TENANT, theirs, later)).isEmpty();
        assertThat(dueLots(OTHER_TENANT, theirs, later)).hasSize(2);
        MemberAccountId unknown = MemberAccountId.of(new UUID(0xDEADL, 1));
        assertThat(totals(TENANT, unknown, EPOCH, FAR)).isEqualTo(LedgerTotals.ZERO);
        assertThat(dueLots(TENANT, unknown, later)).isEmpty();
    }

    @Test
    @DisplayName("PurchaseStore.totals: window, currency, per-purchase floor of the net, refunds")
    void purchaseTotals_windowCurrencyRefunds() {
        Instant t0 = clock().instant();
        Instant from = t0.plus(Duration.ofDays(1));
        Instant to = from.plus(Duration.ofDays(30));
        CustomerId bob = newCustomer(TENANT);

        purchase(TENANT, alice, "before", from.minusMillis(1), "CNY", "500.00");
        purchase(TENANT, alice, "at-from", from, "CNY", "9.99");
        purchase(TENANT, alice, "cheap-2", from.plus(Duration.ofHours(2)), "CNY", "9.99");
        Purchase partial = purchase(TENANT, alice, "partial", from.plus(Duration.ofDays(3)), "CNY", "100.50");
        LoyaltyFixtures.refund(provider(), partial, Money.of("30.25", "CNY")); // net 70.25 -> 70
        Purchase full = purchase(TENANT, alice, "full", from.plus(Duration.ofDays(4)), "CNY", "50.00");
        LoyaltyFixtures.refund(provider(), full, Money.of("50.00", "CNY")); // net 0: no spend, not an order
        purchase(TENANT, alice, "dollars", from.plus(Duration.ofDays(5)), "USD", "42.70");
        purchase(TENANT, alice, "last-ms", to.minusMillis(1), "CNY", "1.00");
        purchase(TENANT, alice, "at-to", to, "CNY", "300.00");
        purchase(TENANT, bob, "bob-1", from.plus(Duration.ofDays(2)), "CNY", "999.00");
        // the same customer id in the other tenant must never count
        CustomerId twin = LoyaltyFixtures.customer(provider(), OTHER_TENANT, alice.value(), t0);
        purchase(OTHER_TENANT, twin, "twin-1", from.plus(Duration.ofDays(2)), "CNY", "888.00");

        // 9.99 + 9.99 floors per purchase to 18 (not 19); 70.25 -> 70; full refund 0; last-ms 1
        PurchaseTotals expected = new PurchaseTotals(9 + 9 + 70 + 0 + 1, 4);
        assertThat(purchaseOracle(TENANT, alice, CNY, from, to)).isEqualTo(expected);
        assertThat(purchaseTotals(TENANT, alice, CNY, from, to)).isEqualTo(expected);
        Currency usd = Currency.getInstance("USD");
        assertThat(purchaseTotals(TENANT, alice, usd, from, to)).isEqualTo(new PurchaseTotals(42, 1));
        assertThat(purchaseTotals(TENANT, alice, usd, from, from.plus(Duration.ofDays(5))))
                .isEqualTo(PurchaseTotals.ZERO);
        assertThat(purchaseTotals(TENANT, alice, CNY, from, from)).isEqualTo(PurchaseTotals.ZERO);
        assertThat(purchaseTotals(TENANT, alice, CNY, EPOCH, from)).isEqualTo(new PurchaseTotals(500, 1));
        assertThat(purchaseTotals(TENANT, bob, CNY, EPOCH, FAR)).isEqualTo(new PurchaseTotals(999, 1));
        assertThat(purchaseTotals(OTHER_TENANT, twin, CNY, EPOCH, FAR)).isEqualTo(new PurchaseTotals(888, 1));
        assertThat(purchaseTotals(OTHER_TENANT, bob, CNY, EPOCH, FAR)).isEqualTo(PurchaseTotals.ZERO);

        // every window between the purchase times (±1ms), in both currencies
        TreeSet<Instant> bounds = new TreeSet<>();
        for (Purchase p : readList(s -> s.purchases().history(TENANT, alice, null, 100))) {
            bounds.add(p.occurredAt().minusMillis(1));
            bounds.add(p.occurredAt());
            bounds.add(p.occurredAt().plusMillis(1));
        }
        List<Instant> b = new ArrayList<>(bounds);
        for (int i = 0; i < b.size(); i++) {
            for (int j = i; j < b.size(); j++) {
                for (Currency c : List.of(CNY, usd)) {
                    assertThat(purchaseTotals(TENANT, alice, c, b.get(i), b.get(j)))
                            .as("totals %s [%s, %s)", c, b.get(i), b.get(j))
                            .isEqualTo(purchaseOracle(TENANT, alice, c, b.get(i), b.get(j)));
                }
            }
        }
    }

    @Test
    @DisplayName("dueLots: only open lots expired at the instant (inclusive); fully used lots never appear")
    void dueLots_expiryBoundariesAndUsedLots() {
        loyalty.earn(TEA_CLUB, alice, Points.of(300), EarnReason.manual("n"), key("e-1")); // + sign-up 50
        clock().advance(Duration.ofDays(30));
        loyalty.earn(TEA_CLUB, alice, Points.of(120), EarnReason.manual("n"), key("e-2"));
        loyalty.redeem(TEA_CLUB, alice, Points.of(400), null, key("r-1")); // uses 50 and 300 fully, 50 of 120
        clock().set(clock().instant().plus(Duration.ofDays(400))); // next calendar year
        loyalty.earn(TEA_CLUB, alice, Points.of(200), EarnReason.manual("n"), key("e-3"));
        MemberAccountId account = accountOf(loyalty, TEA_CLUB, alice);

        List<Lot> open = readList(s -> s.loyalty().openLots(TENANT, account));
        assertThat(open).extracting(Lot::remaining).containsExactlyInAnyOrder(70L, 200L);
        Lot old = open.stream().filter(l -> l.remaining() == 70).findFirst().orElseThrow();
        Lot young = open.stream().filter(l -> l.remaining() == 200).findFirst().orElseThrow();
        assertThat(old.expiresAt()).isNotNull().isBefore(young.expiresAt());

        Instant before = old.expiresAt().minusMillis(1);
        Instant between = old.expiresAt().plus(Duration.ofDays(1));
        assertThat(dueLots(TENANT, account, before)).isEmpty();
        assertThat(dueLots(TENANT, account, old.expiresAt())).containsExactly(old);
        assertThat(dueLots(TENANT, account, between)).containsExactly(old);
        assertThat(dueLots(TENANT, account, young.expiresAt().minusMillis(1))).containsExactly(old);
        assertThat(dueLots(TENANT, account, young.expiresAt())).containsExactlyInAnyOrder(old, young);
        for (Instant at : List.of(EPOCH, before, old.expiresAt(), between, young.expiresAt(), FAR)) {
            assertThat(dueLots(TENANT, account, at)).as("dueLots at %s", at)
                    .containsExactlyInAnyOrderElementsOf(dueOracle(TENANT, account, at));
        }

        // once expired by a run, the lot has nothing left and is no longer due
        clock().set(between);
        loyalty.expire(TEA_CLUB, alice);
        assertThat(dueLots(TENANT, account, FAR)).extracting(Lot::remaining).containsExactly(200L);
        assertThat(dueLots(TENANT, account, FAR)).containsExactlyInAnyOrderElementsOf(dueOracle(TENANT, account, FAR));
    }

    @Test
    @DisplayName("dueLots: never-expiring lots are never due")
    void dueLots_neverExpiring() {
        LoyaltyProgram tea = LoyaltyFixtures.teaClub();
        loyalty.defineProgram(new LoyaltyProgram(FOREVER, "Tea Forever", tea.currency(), tea.zone(), tea.earnRules(),
                ExpiryPolicy.never(), tea.redemption(), tea.tiers(), false));
        loyalty.earn(FOREVER, alice, Points.of(300), EarnReason.manual("n"), key("f-1"));
        loyalty.earn(TEA_CLUB, alice, Points.of(300), EarnReason.manual("n"), key("t-1"));
        MemberAccountId forever = accountOf(loyalty, FOREVER, alice);
        MemberAccountId expiring = accountOf(loyalty, TEA_CLUB, alice);

        assertThat(readList(s -> s.loyalty().openLots(TENANT, forever))).hasSize(2)
                .allSatisfy(l -> assertThat(l.expiresAt()).isNull());
        assertThat(dueLots(TENANT, forever, FAR)).isEmpty();
        assertThat(dueLots(TENANT, expiring, FAR)).hasSize(2)
                .containsExactlyInAnyOrderElementsOf(dueOracle(TENANT, expiring, FAR));
        assertThat(totals(TENANT, forever, EPOCH, FAR)).isEqualTo(new LedgerTotals(350, 50));
    }
}
