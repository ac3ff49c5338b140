package org.cim4j.internal.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.loyalty.EarnEvent;
import org.cim4j.loyalty.EarnRule;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.ProgramId;
import org.junit.jupiter.api.Test;

class EarnCalculatorTest {
    static final LoyaltyProgram PROGRAM = LoyaltyProgram.simple(ProgramId.DEFAULT, "Club", Currency.getInstance("CNY"),
            ZoneId.of("Asia/Shanghai"),
            new EarnRule.BasePoints(Money.of("1.00", "CNY"), 1),
            new EarnRule.CategoryMultiplier("tea", 200),
            new EarnRule.SkuMultiplier("tea-gift", 300),
            new EarnRule.EventBonus(EarnEvent.BIRTHDAY, 88),
            new EarnRule.OrderCap(1000),
            new EarnRule.DailyCap(1500));

    static PurchaseLine line(String sku, String category, int qty, String price) {
        return PurchaseLine.of(sku, category, qty, Money.of(price, "CNY"));
    }

    @Test
    void forPurchase_appliesSkuOverCategoryAndRoundsDownOnce() {
        var calc = EarnCalculator.forPurchase(PROGRAM, List.of(
                line("cup", "ware", 1, "10.50"),      // 10.5
                line("longjing", "tea", 1, "20.25"),  // 40.5
                line("tea-gift", "tea", 1, "5.10")), 100, 0); // 15.3
        assertThat(calc.uncapped()).isEqualTo(66); // 66.3 rounded down once
        assertThat(calc.earned()).isEqualTo(66);
    }

    @Test
    void forPurchase_tierMultiplierAndCaps() {
        var calc = EarnCalculator.forPurchase(PROGRAM, List.of(line("cup", "ware", 3, "300.00")), 150, 800);
        assertThat(calc.uncapped()).isEqualTo(1350);
        assertThat(calc.afterOrderCap()).isEqualTo(1000);
        assertThat(calc.earned()).isEqualTo(700);
    }

    @Test
    void forPurchase_otherCurrencyEarnsNothing() {
        var calc = EarnCalculator.forPurchase(PROGRAM, List.of(PurchaseLine.of("x", null, 1, Money.of("50.00", "EUR"))),
                100, 0);
        assertThat(calc.earned()).isZero();
    }

    @Test
    void forEvent_bonusLimitedByDailyCap() {
        assertThat(EarnCalculator.forEvent(PROGRAM, EarnEvent.BIRTHDAY, 0)).isEqualTo(88);
        assertThat(EarnCalculator.forEvent(PROGRAM, EarnEvent.BIRTHDAY, 1450)).isEqualTo(50);
        assertThat(EarnCalculator.forEvent(PROGRAM, EarnEvent.REVIEW, 0)).isZero();
    }
}
