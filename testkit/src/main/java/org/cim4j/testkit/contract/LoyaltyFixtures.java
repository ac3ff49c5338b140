package org.cim4j.testkit.contract;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cim4j.Channel;
import org.cim4j.TenantId;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.commerce.PurchaseStatus;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.Person;
import org.cim4j.loyalty.CalendarPeriod;
import org.cim4j.loyalty.EarnEvent;
import org.cim4j.loyalty.EarnRule;
import org.cim4j.loyalty.ExpiryPolicy;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.ProgramId;
import org.cim4j.loyalty.QualificationMetric;
import org.cim4j.loyalty.QualificationWindow;
import org.cim4j.loyalty.RedemptionRules;
import org.cim4j.loyalty.Points;
import org.cim4j.loyalty.TierBenefits;
import org.cim4j.loyalty.TierCriterion;
import org.cim4j.loyalty.TierDefinition;
import org.cim4j.loyalty.TierPolicy;
import org.cim4j.spi.StorageProvider;

/**
 * Test data for the loyalty contracts: a tea-shop program with tiers 普通/银卡/金卡/钻石, customers and
 * purchases written straight through the SPI (so the kit does not depend on other services).
 */
public final class LoyaltyFixtures {
    /** The program used by most loyalty contract tests. */
    public static final ProgramId TEA_CLUB = ProgramId.of("tea-club");

    private LoyaltyFixtures() {
    }

    /**
     * 1 point per CNY, tea ×2, gift box ×3, bonuses for sign-up (50) and birthday (88), at most 2000 per
     * order and 3000 per day; points expire at the end of the year after earning; redemption 100..5000;
     * tiers by points earned or spend in a rolling 12-month window, one month grace.
     */
    public static LoyaltyProgram teaClub() {
        TierPolicy tiers = new TierPolicy(List.of(
                TierDefinition.of("basic", "普通", 0, TierBenefits.NONE),
                TierDefinition.of("silver", "银卡", 1, TierBenefits.of(5, 110, false, false),
                        TierCriterion.of(QualificationMetric.POINTS_EARNED, 1000),
                        TierCriterion.of(QualificationMetric.SPEND, 2000)),
                TierDefinition.of("gold", "金卡", 2, TierBenefits.of(10, 125, true, false),
                        TierCriterion.of(QualificationMetric.POINTS_EARNED, 3000),
                        TierCriterion.of(QualificationMetric.SPEND, 6000)),
                TierDefinition.of("diamond", "钻石", 3, TierBenefits.of(15, 150, true, true),
                        TierCriterion.of(QualificationMetric.POINTS_EARNED, 10000))),
                QualificationWindow.rollingMonths(12), 1);
        return new LoyaltyProgram(TEA_CLUB, "Tea Club", Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"),
                List.of(new EarnRule.BasePoints(Money.of("1.00", "CNY"), 1),
                        new EarnRule.CategoryMultiplier("tea", 200),
                        new EarnRule.SkuMultiplier("gift-box", 300),
                        new EarnRule.EventBonus(EarnEvent.SIGN_UP, 50),
                        new EarnRule.EventBonus(EarnEvent.BIRTHDAY, 88),
                        new EarnRule.OrderCap(2000),
                        new EarnRule.DailyCap(3000)),
                ExpiryPolicy.endOfPeriod(CalendarPeriod.YEAR, 1),
                new RedemptionRules(Points.of(100), Points.of(5000)), tiers, false);
    }

    /** Stores an active customer with a neutral display name and returns its id. */
    public static CustomerId customer(StorageProvider provider, TenantId tenant, UUID id, Instant now) {
        CustomerId cid = CustomerId.of(id);
        Customer c = new Customer(cid, tenant, 1, CustomerStatus.ACTIVE, null, LifecycleStage.ACTIVE,
                Person.named("Member " + id.toString().substring(0, 8)), List.of(), List.of(), null, Set.of(), Map.of(),
                Set.of(), now, now);
        provider.write(s -> {
            s.customers().insert(c);
            return null;
        });
        return cid;
    }

    /** Stores a completed purchase of the given lines (CNY) and returns it. */
    public static Purchase purchase(StorageProvider provider, TenantId tenant, CustomerId customer, UUID id,
                                    String orderId, Instant at, PurchaseLine... lines) {
        Money total = Money.zero(Currency.getInstance("CNY"));
        for (PurchaseLine l : lines) {
            total = total.plus(l.total());
        }
        Purchase p = new Purchase(PurchaseId.of(id), tenant, customer, orderId, Channel.POS, null, at, List.of(lines),
                total, Money.zero(total.currency()), PurchaseStatus.COMPLETED, 1, at);
        provider.write(s -> {
            s.purchases().insert(p);
            return null;
        });
        return p;
    }

    /** Stores a refund of {@code amount} on a purchase and returns the purchase after it. */
    public static Purchase refund(StorageProvider provider, Purchase purchase, Money amount) {
        Purchase after = purchase.withRefunded(purchase.refunded().plus(amount));
        provider.write(s -> {
            s.purchases().update(after);
            return null;
        });
        return after;
    }

    /** A CNY purchase line. */
    public static PurchaseLine line(String sku, String category, int quantity, String unitPrice) {
        return PurchaseLine.of(sku, category, quantity, Money.of(unitPrice, "CNY"));
    }
}
