package org.cim4j.internal.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.loyalty.EarnEvent;
import org.cim4j.loyalty.EarnRule;
import org.cim4j.loyalty.LoyaltyProgram;

/**
 * Points a purchase or an event earns under a program's rules. Exact: amounts are BigDecimal,
 * multipliers whole percentages, and the fraction of a point is dropped once, at the end.
 */
public final class EarnCalculator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EarnCalculator() {
    }

    /**
     * Breakdown of a rule-based earn.
     *
     * @param uncapped         points after multipliers, before caps
     * @param afterOrderCap    after the order cap
     * @param earned           after the daily cap: what is credited
     */
    public record Calculation(long uncapped, long afterOrderCap, long earned) {
    }

    /**
     * Points for a purchase's lines.
     *
     * @param tierMultiplierPercent the member's tier earn multiplier (100 = ×1)
     * @param earnedTodayByRules    points already earned today by purchase and event rules
     */
    public static Calculation forPurchase(LoyaltyProgram program, List<PurchaseLine> lines, int tierMultiplierPercent,
                                          long earnedTodayByRules) {
        List<EarnRule.BasePoints> base = program.rules(EarnRule.BasePoints.class);
        BigDecimal total = BigDecimal.ZERO;
        if (!base.isEmpty()) {
            EarnRule.BasePoints rule = base.get(0);
            for (PurchaseLine line : lines) {
                if (!line.unitPrice().currency().equals(program.currency())) {
                    continue;
                }
                BigDecimal units = line.total().amount().divide(rule.per().amount(), 10, RoundingMode.DOWN);
                BigDecimal pts = units.multiply(BigDecimal.valueOf(rule.points()))
                        .multiply(BigDecimal.valueOf(lineMultiplierPercent(program, line)));
                total = total.add(pts);
            }
        }
        long uncapped = total.multiply(BigDecimal.valueOf(tierMultiplierPercent))
                .divide(HUNDRED.multiply(HUNDRED), 0, RoundingMode.DOWN).longValueExact();
        long afterOrderCap = program.rules(EarnRule.OrderCap.class).stream()
                .mapToLong(EarnRule.OrderCap::points).reduce(uncapped, Math::min);
        return new Calculation(uncapped, afterOrderCap, applyDailyCap(program, afterOrderCap, earnedTodayByRules));
    }

    /** Points for an event bonus (0 if the program has none), limited by the daily cap. */
    public static long forEvent(LoyaltyProgram program, EarnEvent event, long earnedTodayByRules) {
        long bonus = program.rules(EarnRule.EventBonus.class).stream()
                .filter(b -> b.event() == event).mapToLong(EarnRule.EventBonus::points).sum();
        return applyDailyCap(program, bonus, earnedTodayByRules);
    }

    /** The multiplier of a line: its SKU rule, else its category rule, else 100%. */
    static int lineMultiplierPercent(LoyaltyProgram program, PurchaseLine line) {
        for (EarnRule.SkuMultiplier m : program.rules(EarnRule.SkuMultiplier.class)) {
            if (m.sku().equals(line.sku())) {
                return m.percent();
            }
        }
        for (EarnRule.CategoryMultiplier m : program.rules(EarnRule.CategoryMultiplier.class)) {
            if (m.category().equals(line.category())) {
                return m.percent();
            }
        }
        return 100;
    }

    private static long applyDailyCap(LoyaltyProgram program, long points, long earnedToday) {
        long capped = points;
        for (EarnRule.DailyCap cap : program.rules(EarnRule.DailyCap.class)) {
            capped = Math.min(capped, Math.max(0, cap.points() - earnedToday));
        }
        return capped;
    }
}
