package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.testkit.contract.LoyaltyFixtures.TEA_CLUB;
import static org.cim4j.testkit.contract.LoyaltyFixtures.line;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.cim4j.Channel;
import org.cim4j.Cim4j;
import org.cim4j.NotFoundException;
import org.cim4j.TenantId;
import org.cim4j.ValidationException;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.Purchase;
import org.cim4j.customer.CustomerId;
import org.cim4j.event.DomainEvent;
import org.cim4j.loyalty.BalanceExplanation;
import org.cim4j.loyalty.CriterionProgress;
import org.cim4j.loyalty.EarnEvent;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.EarnResult;
import org.cim4j.loyalty.EarnRule;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.InsufficientPointsException;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LoyaltyEvents;
import org.cim4j.loyalty.LoyaltyService;
import org.cim4j.loyalty.Lot;
import org.cim4j.loyalty.Points;
import org.cim4j.loyalty.QualificationMetric;
import org.cim4j.loyalty.RedeemResult;
import org.cim4j.loyalty.ReversalResult;
import org.cim4j.loyalty.Statement;
import org.cim4j.loyalty.TierChangeReason;
import org.cim4j.loyalty.TierExplanation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Loyalty behaviour over an adapter's {@link org.cim4j.spi.LoyaltyStore}: ledger arithmetic, FIFO lots,
 * expiry, reversals, idempotency, tiers, statements and explanations.
 *
 * <p>Customers and purchases are written through the SPI where the test only needs them to exist, and
 * through {@code crm().purchases()} where automatic earning is under test.
 */
public abstract class LoyaltyContract extends AdapterContract {
    private static final AtomicInteger SEEDS = new AtomicInteger();
    /** Events published by the test's {@link Cim4j} instance. */
    protected final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    protected Cim4j crm;
    protected LoyaltyService loyalty;
    protected CustomerId alice;

    @BeforeEach
    void setUpLoyalty() {
        crm = crm();
        crm.events().subscribe(DomainEvent.class, events::add);
        loyalty = crm.loyalty();
        loyalty.defineProgram(LoyaltyFixtures.teaClub());
        alice = newCustomer(TENANT);
    }

    /** A new active customer of {@code tenant}. */
    protected final CustomerId newCustomer(TenantId tenant) {
        return LoyaltyFixtures.customer(provider(), tenant, new UUID(0xC0FFEEL, SEEDS.incrementAndGet()), clock().instant());
    }

    protected static IdempotencyKey key(String k) {
        return IdempotencyKey.of(k);
    }

    private EarnResult earn(CustomerId c, long pts, String k) {
        return loyalty.earn(TEA_CLUB, c, Points.of(pts), EarnReason.manual("test"), key(k));
    }

    private void assertConsistent(CustomerId c) {
        BalanceExplanation ex = loyalty.explainBalance(TEA_CLUB, c);
        assertThat(ex.consistent()).as("balance == ledger sum == lot remainders").isTrue();
        assertThat(ex.balance().value()).isEqualTo(
                loyalty.ledger(TEA_CLUB, c).stream().mapToLong(LedgerEntry::delta).sum());
    }

    @Test
    @DisplayName("earning enrols the member (with the sign-up bonus) and credits a lot")
    void earn_enrolsAndCredits() {
        EarnResult r = earn(alice, 120, "order-42");
        assertThat(r.earned()).isEqualTo(Points.of(120));
        assertThat(r.balance()).isEqualTo(Points.of(170));
        assertThat(r.replayed()).isFalse();
        assertThat(loyalty.ledger(TEA_CLUB, alice)).extracting(LedgerEntry::kind)
                .containsExactly(EntryKind.EARN, EntryKind.EARN);
        assertThat(loyalty.account(TEA_CLUB, alice).tier()).isEqualTo("basic");
        assertThat(events).hasAtLeastOneElementOfType(LoyaltyEvents.MemberEnrolled.class)
                .hasAtLeastOneElementOfType(LoyaltyEvents.PointsEarned.class);
        assertConsistent(alice);
    }

    @Test
    @DisplayName("replaying a key returns the first result and changes nothing")
    void earn_replayedKey() {
        EarnResult first = earn(alice, 120, "order-42");
        int eventsBefore = events.size();
        EarnResult again = earn(alice, 999, "order-42");
        assertThat(again.replayed()).isTrue();
        assertThat(again.entry()).isEqualTo(first.entry());
        assertThat(again.earned()).isEqualTo(first.earned());
        assertThat(again.balance()).isEqualTo(first.balance());
        assertThat(loyalty.balance(TEA_CLUB, alice)).isEqualTo(Points.of(170));
        assertThat(events).hasSize(eventsBefore);

        RedeemResult redeem = loyalty.redeem(TEA_CLUB, alice, Points.of(100), "order-43", key("r-1"));
        RedeemResult redeemAgain = loyalty.redeem(TEA_CLUB, alice, Points.of(100), "order-43", key("r-1"));
        assertThat(redeemAgain.replayed()).isTrue();
        assertThat(redeemAgain.entry()).isEqualTo(redeem.entry());
        assertThat(loyalty.balance(TEA_CLUB, alice)).isEqualTo(Points.of(70));
    }

    @Test
    void command_keyReusedForOtherCommand() {
        earn(alice, 120, "k-1");
        assertThatThrownBy(() -> loyalty.redeem(TEA_CLUB, alice, Points.of(100), null, key("k-1")))
                .isInstanceOf(ValidationException.class);
        CustomerId bob = newCustomer(TENANT);
        loyalty.enrol(TEA_CLUB, bob);
        assertThatThrownBy(() -> earn(bob, 120, "k-1")).isInstanceOf(ValidationException.class);
        assertThat(loyalty.balance(TEA_CLUB, bob)).isEqualTo(Points.of(50));
    }

    @Test
    @DisplayName("redeeming more than the balance fails with available and requested, and writes nothing")
    void redeem_insufficient() {
        earn(alice, 150, "e-1");
        List<LedgerEntry> before = loyalty.ledger(TEA_CLUB, alice);
        assertThatThrownBy(() -> loyalty.redeem(TEA_CLUB, alice, Points.of(201), null, key("r-1")))
                .isInstanceOfSatisfying(InsufficientPointsException.class, e -> {
                    assertThat(e.available()).isEqualTo(Points.of(200));
                    assertThat(e.requested()).isEqualTo(Points.of(201));
                });
        assertThat(loyalty.ledger(TEA_CLUB, alice)).isEqualTo(before);
        // the failed command stored no result, so its key is still free
        assertThat(loyalty.redeem(TEA_CLUB, alice, Points.of(200), null, key("r-1")).balance()).isEqualTo(Points.ZERO);
        assertConsistent(alice);
    }

    @Test
    void redeem_outsideProgramLimits() {
        earn(alice, 6000, "e-1");
        assertThatThrownBy(() -> loyalty.redeem(TEA_CLUB, alice, Points.of(99), null, key("r-1")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> loyalty.redeem(TEA_CLUB, alice, Points.of(5001), null, key("r-2")))
                .isInstanceOf(ValidationException.class);
        assertThat(loyalty.balance(TEA_CLUB, alice)).isEqualTo(Points.of(6050));
    }

    @Test
    void redeem_notEnrolled() {
        assertThatThrownBy(() -> loyalty.redeem(TEA_CLUB, alice, Points.of(100), null, key("r-1")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("redemptions consume lots by earliest expiry, then oldest")
    void redeem_fifoByExpiryThenAge() {
        loyalty.enrol(TEA_CLUB, alice); // sign-up lot: 50, expires end of 2027
        clock().advance(Duration.ofDays(400)); // 2027-02
        EarnResult late = earn(alice, 100, "e-2027"); // expires end of 2028
        RedeemResult r = loyalty.redeem(TEA_CLUB, alice, Points.of(120), null, key("r-1"));
        assertThat(r.entry().allocations()).extracting(a -> a.points()).containsExactly(50L, 70L);
        assertThat(r.entry().allocations().get(1).lot()).isEqualTo(late.entry().id());
        assertConsistent(alice);
    }

    @Test
    @DisplayName("an expiry run removes only what is left of due lots")
    void expire_takesOnlyRemaining() {
        earn(alice, 300, "e-1");
        loyalty.redeem(TEA_CLUB, alice, Points.of(100), null, key("r-1"));
        clock().set(Instant.parse("2027-12-31T16:00:00Z")); // end of 2027 in Shanghai
        var result = loyalty.expireAll(TEA_CLUB);
        assertThat(result.expired()).isEqualTo(Points.of(250));
        assertThat(loyalty.balance(TEA_CLUB, alice)).isEqualTo(Points.ZERO);
        assertThat(loyalty.expireAll(TEA_CLUB).entries()).isEmpty();
        assertThat(events).hasAtLeastOneElementOfType(LoyaltyEvents.PointsExpired.class);
        assertConsistent(alice);
    }

    @Test
    @DisplayName("cancelling a redemption restores the consumed lots with their original expiry")
    void reverse_redemptionRestoresLots() {
        EarnResult e = earn(alice, 300, "e-1");
        RedeemResult r = loyalty.redeem(TEA_CLUB, alice, Points.of(320), null, key("r-1"));
        ReversalResult rev = loyalty.reverse(TEA_CLUB, alice, r.entry().id(), null, "order cancelled", key("x-1"));
        assertThat(rev.reversed()).isEqualTo(Points.of(320));
        assertThat(rev.balance()).isEqualTo(Points.of(350));
        List<Lot> lots = loyalty.explainBalance(TEA_CLUB, alice).lots();
        assertThat(lots).extracting(Lot::remaining).containsExactlyInAnyOrder(50L, 300L);
        assertThat(lots).filteredOn(l -> l.id().equals(e.entry().id())).singleElement()
                .extracting(Lot::expiresAt).isEqualTo(e.entry().expiresAt());
        assertThatThrownBy(() -> loyalty.reverse(TEA_CLUB, alice, r.entry().id(), null, "again", key("x-2")))
                .isInstanceOf(ValidationException.class);
        assertConsistent(alice);
    }

    @Test
    @DisplayName("reversing a partly spent earn takes other points first and reports what it cannot recover")
    void reverse_earnPartlySpent() {
        EarnResult e = earn(alice, 300, "e-1");
        loyalty.redeem(TEA_CLUB, alice, Points.of(330), null, key("r-1"));
        ReversalResult rev = loyalty.reverse(TEA_CLUB, alice, e.entry().id(), null, "refund", key("x-1"));
        assertThat(rev.reversed()).isEqualTo(Points.of(20));
        assertThat(rev.notRecovered()).isEqualTo(Points.of(280));
        assertThat(rev.balance()).isEqualTo(Points.ZERO);
        assertConsistent(alice);
    }

    @Test
    void adjust_recordsReasonAndActor() {
        earn(alice, 100, "e-1");
        var up = loyalty.adjust(TEA_CLUB, alice, 25, "goodwill for late delivery", key("a-1"));
        assertThat(up.entry().kind()).isEqualTo(EntryKind.ADJUST);
        assertThat(up.entry().note()).isEqualTo("goodwill for late delivery");
        assertThat(up.entry().actor()).isEqualTo("system");
        var down = loyalty.adjust(TEA_CLUB, alice, -75, "duplicate booking", key("a-2"));
        assertThat(down.balance()).isEqualTo(Points.of(100));
        assertThatThrownBy(() -> loyalty.adjust(TEA_CLUB, alice, -101, "too much", key("a-3")))
                .isInstanceOf(InsufficientPointsException.class);
        assertConsistent(alice);
    }

    @Test
    @DisplayName("purchases earn by rules, upgrade the tier immediately and explain it")
    void earnForPurchase_rulesAndUpgrade() {
        Purchase p = LoyaltyFixtures.purchase(provider(), TENANT, alice, new UUID(1, 1), "o-1", clock().instant(),
                line("longjing", "tea", 2, "300.00"), line("cup", "ware", 1, "99.90"));
        EarnResult r = loyalty.earnForPurchase(TEA_CLUB, p.id(), key("purchase-o-1"));
        assertThat(r.earned()).isEqualTo(Points.of(1299)); // 600×2 + 99.9 rounded down
        assertThat(r.tier()).isEqualTo("silver");
        assertThat(loyalty.tierHistory(TEA_CLUB, alice)).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo(TierChangeReason.UPGRADE));
        assertThat(loyalty.benefits(TEA_CLUB, alice).discountPercent()).isEqualTo(5);

        TierExplanation ex = loyalty.explainTier(TEA_CLUB, alice);
        assertThat(ex.qualifiedTier()).isEqualTo("silver");
        assertThat(ex.totals()).containsEntry(QualificationMetric.POINTS_EARNED, 1349L)
                .containsEntry(QualificationMetric.SPEND, 699L);
        assertThat(ex.qualifiedBy()).filteredOn(CriterionProgress::met).isNotEmpty();
        assertThat(ex.nextTier()).isEqualTo("gold");
        assertThat(ex.missingForNext()).extracting(CriterionProgress::missing).containsExactly(1651L, 5301L);
        assertThat(events).hasAtLeastOneElementOfType(LoyaltyEvents.TierChanged.class);
    }

    @Test
    void earnForEvent_bonusAndDailyCap() {
        assertThat(loyalty.earnForEvent(TEA_CLUB, alice, EarnEvent.BIRTHDAY, key("bd-2026")).earned())
                .isEqualTo(Points.of(88));
        assertThat(loyalty.earnForEvent(TEA_CLUB, alice, EarnEvent.REVIEW, key("rv-1")).entry()).isNull();
        Purchase big = LoyaltyFixtures.purchase(provider(), TENANT, alice, new UUID(1, 2), "o-2", clock().instant(),
                line("gift-box", "tea", 10, "100.00"));
        assertThat(loyalty.earnForPurchase(TEA_CLUB, big.id(), key("p-2")).earned()).isEqualTo(Points.of(2000));
        Purchase more = LoyaltyFixtures.purchase(provider(), TENANT, alice, new UUID(1, 3), "o-3", clock().instant(),
                line("gift-box", "tea", 10, "100.00"));
        // daily cap 3000: sign-up 50 + birthday 88 + 2000 already today
        assertThat(loyalty.earnForPurchase(TEA_CLUB, more.id(), key("p-3")).earned()).isEqualTo(Points.of(862));
    }

    @Test
    @DisplayName("period end: a member who no longer qualifies gets the grace month, then is downgraded")
    void periodEnd_graceThenDowngrade() {
        earn(alice, 1000, "e-1");
        assertThat(loyalty.account(TEA_CLUB, alice).tier()).isEqualTo("silver");
        clock().advance(Duration.ofDays(400));
        assertThat(loyalty.evaluatePeriodEnd(TEA_CLUB, alice).change().reason()).isEqualTo(TierChangeReason.GRACE_STARTED);
        assertThat(loyalty.account(TEA_CLUB, alice).tier()).isEqualTo("silver");
        assertThat(loyalty.evaluatePeriodEnd(TEA_CLUB, alice).change()).isNull();
        clock().advance(Duration.ofDays(32));
        var changes = loyalty.evaluatePeriodEndAll(TEA_CLUB);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo(TierChangeReason.DOWNGRADE);
            assertThat(c.toTier()).isEqualTo("basic");
        });
        assertThat(loyalty.tierHistory(TEA_CLUB, alice)).extracting(c -> c.reason()).containsExactly(
                TierChangeReason.UPGRADE, TierChangeReason.GRACE_STARTED, TierChangeReason.DOWNGRADE);
    }

    @Test
    void statement_runningBalance() {
        Instant start = clock().instant();
        earn(alice, 200, "e-1");
        clock().advance(Duration.ofDays(3));
        loyalty.redeem(TEA_CLUB, alice, Points.of(120), "o-9", key("r-1"));
        clock().advance(Duration.ofDays(3));
        Statement s = loyalty.statement(TEA_CLUB, alice, start.plus(Duration.ofDays(1)), clock().instant());
        assertThat(s.opening()).isEqualTo(Points.of(250));
        assertThat(s.lines()).extracting(l -> l.runningBalance()).containsExactly(130L);
        assertThat(s.closing()).isEqualTo(Points.of(130));
    }

    @Test
    @DisplayName("with earnOnPurchase, recorded purchases earn and refunds take points back proportionally")
    void purchases_earnAndRefundAutomatically() {
        loyalty.defineProgram(LoyaltyFixtures.teaClub().withEarnOnPurchase(true));
        Purchase p = crm.purchases().record(NewPurchase.of(alice, "o-4", Channel.POS, clock().instant(),
                line("cup", "ware", 4, "100.00")));
        assertThat(loyalty.balance(TEA_CLUB, alice)).isEqualTo(Points.of(450));
        // re-running the hook (e.g. a host reconciling) is harmless: same key
        assertThat(loyalty.earnForPurchase(TEA_CLUB, p.id(), key("purchase:" + TEA_CLUB + ":" + p.id())).replayed())
                .isTrue();
        crm.purchases().refund(p.id(), Money.of("100.00", "CNY"));
        assertThat(loyalty.balance(TEA_CLUB, alice)).isEqualTo(Points.of(350));
        crm.purchases().refund(p.id(), Money.of("300.00", "CNY"));
        assertThat(loyalty.balance(TEA_CLUB, alice)).isEqualTo(Points.of(50));
        assertThat(loyalty.ledger(TEA_CLUB, alice)).extracting(LedgerEntry::kind).containsExactly(
                EntryKind.EARN, EntryKind.EARN, EntryKind.REVERSAL, EntryKind.REVERSAL);
        assertConsistent(alice);
    }

    @Test
    @DisplayName("a first-purchase bonus is earned once per member")
    void purchases_firstPurchaseBonusOnce() {
        LoyaltyProgram base = LoyaltyFixtures.teaClub();
        List<EarnRule> rules = new java.util.ArrayList<>(base.earnRules());
        rules.add(new EarnRule.EventBonus(EarnEvent.FIRST_PURCHASE, 30));
        loyalty.defineProgram(new LoyaltyProgram(base.id(), base.name(), base.currency(), base.zone(), rules,
                base.expiry(), base.redemption(), base.tiers(), true));
        crm.purchases().record(NewPurchase.of(alice, "o-6", Channel.POS, clock().instant(),
                line("cup", "ware", 1, "10.00")));
        crm.purchases().record(NewPurchase.of(alice, "o-7", Channel.POS, clock().instant(),
                line("cup", "ware", 1, "10.00")));
        assertThat(loyalty.ledger(TEA_CLUB, alice)).extracting(e -> e.earnReason().reference())
                .containsExactly("SIGN_UP", anyPurchaseRef(0), "FIRST_PURCHASE", anyPurchaseRef(1));
        assertThat(loyalty.balance(TEA_CLUB, alice)).isEqualTo(Points.of(50 + 10 + 30 + 10));
    }

    private String anyPurchaseRef(int index) {
        return loyalty.ledger(TEA_CLUB, alice).stream()
                .filter(e -> e.earnReason().source() == org.cim4j.loyalty.EarnSource.PURCHASE)
                .toList().get(index).earnReason().reference();
    }

    @Test
    void purchases_doNotEarnWithoutTheProgramFlag() {
        crm.purchases().record(NewPurchase.of(alice, "o-5", Channel.POS, clock().instant(),
                line("cup", "ware", 4, "100.00")));
        assertThat(loyalty.findAccount(TEA_CLUB, alice)).isEmpty();
    }

    @Test
    void tenants_areIsolated() {
        earn(alice, 100, "e-1");
        LoyaltyService other = crm(OTHER_TENANT).loyalty();
        assertThat(other.findProgram(TEA_CLUB)).isEmpty();
        other.defineProgram(LoyaltyFixtures.teaClub());
        assertThat(other.findAccount(TEA_CLUB, alice)).isEmpty();
        assertThatThrownBy(() -> other.earn(TEA_CLUB, alice, Points.of(5), EarnReason.manual("x"), key("e-1")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("enrolling twice returns the same account and awards the sign-up bonus once")
    void enrol_idempotent() {
        var first = loyalty.enrol(TEA_CLUB, alice);
        var second = loyalty.enrol(TEA_CLUB, alice);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.balance()).isEqualTo(50);
        assertThat(loyalty.ledger(TEA_CLUB, alice)).singleElement()
                .satisfies(e -> assertThat(e.earnReason()).isEqualTo(EarnReason.event(EarnEvent.SIGN_UP)));
        assertThatThrownBy(() -> loyalty.enrol(TEA_CLUB, newCustomerOf(OTHER_TENANT)))
                .isInstanceOf(NotFoundException.class);
    }

    private void inStore(java.util.function.Consumer<org.cim4j.spi.LoyaltyStore> work) {
        provider().write(s -> {
            work.accept(s.loyalty());
            return null;
        });
    }

    private CustomerId newCustomerOf(TenantId tenant) {
        return newCustomer(tenant);
    }

    @Test
    @DisplayName("SPI: unique keys, version check and lot bounds are enforced by the store")
    void store_constraints() {
        loyalty.enrol(TEA_CLUB, alice);
        var account = loyalty.account(TEA_CLUB, alice);
        LedgerEntry signUp = loyalty.ledger(TEA_CLUB, alice).get(0);
        // each failing call in its own transaction: SQL databases abort a transaction after an error
        assertThatThrownBy(() -> inStore(store -> store.insertAccount(new org.cim4j.loyalty.MemberAccount(
                org.cim4j.loyalty.MemberAccountId.of(new UUID(5, 5)), TENANT, TEA_CLUB, alice, account.enrolledAt(),
                0, "basic", account.enrolledAt(), null, 1))))
                .isInstanceOfSatisfying(org.cim4j.DuplicateException.class, e -> assertThat(e.key()).isEqualTo("customer"));
        assertThatThrownBy(() -> inStore(store -> store.updateAccount(account.withBalance(1), account.version() + 5)))
                .isInstanceOf(org.cim4j.VersionConflictException.class);
        assertThatThrownBy(() -> inStore(store -> store.updateLotRemaining(TENANT, signUp.id(), 51)))
                .isInstanceOf(IllegalArgumentException.class);
        var record = provider().read(s -> s.loyalty().findCommand(TENANT, key("signup:" + TEA_CLUB + ":" + alice)))
                .orElseThrow();
        assertThat(record.entry()).isEqualTo(signUp.id());
        assertThatThrownBy(() -> inStore(store -> store.insertCommand(record)))
                .isInstanceOfSatisfying(org.cim4j.DuplicateException.class,
                        e -> assertThat(e.key()).isEqualTo("idempotencyKey"));
        assertThatThrownBy(() -> inStore(store -> store.appendEntry(signUp)))
                .isInstanceOf(org.cim4j.DuplicateException.class);
        provider().write(s -> {
            var store = s.loyalty();
            assertThat(store.lockAccount(OTHER_TENANT, TEA_CLUB, alice)).isEmpty();
            assertThat(store.findEntry(OTHER_TENANT, signUp.id())).isEmpty();
            assertThat(store.entriesSince(TENANT, account.id(), signUp.at())).containsExactly(signUp);
            assertThat(store.entriesSince(TENANT, account.id(), signUp.at().plusSeconds(1))).isEmpty();
            return null;
        });
        assertConsistent(alice);
    }
}
