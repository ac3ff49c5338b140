package org.cim4j.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cim4j.commerce.Money;
import org.cim4j.loyalty.CalendarPeriod;
import org.cim4j.loyalty.EarnEvent;
import org.cim4j.loyalty.EarnRule;
import org.cim4j.loyalty.ExpiryPolicy;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.LotAllocation;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.Points;
import org.cim4j.loyalty.ProgramId;
import org.cim4j.loyalty.QualificationMetric;
import org.cim4j.loyalty.QualificationWindow;
import org.cim4j.loyalty.RedemptionRules;
import org.cim4j.loyalty.TierBenefits;
import org.cim4j.loyalty.TierCriterion;
import org.cim4j.loyalty.TierDefinition;
import org.cim4j.loyalty.TierPolicy;

/** Programs and allocations survive a round trip through {@link LoyaltyCodec}. */
class LoyaltyCodecProperties {

    @Provide
    Arbitrary<LoyaltyProgram> programs() {
        Arbitrary<String> text = Arbitraries.strings().withChars("abc 金卡钻石%+:;\n=&é").ofMinLength(1).ofMaxLength(12)
                .filter(x -> !x.isBlank());
        Arbitrary<EarnRule> multiplier = Combinators.combine(text, Arbitraries.integers().between(0, 10_000), Arbitraries.of(true, false))
                .as((t, pct, sku) -> sku ? new EarnRule.SkuMultiplier(t, pct) : new EarnRule.CategoryMultiplier(t, pct));
        Arbitrary<EarnRule> bonus = Combinators.combine(Arbitraries.of(EarnEvent.class), Arbitraries.longs().between(1, 999))
                .as(EarnRule.EventBonus::new);
        Arbitrary<ExpiryPolicy> expiry = Arbitraries.oneOf(Arbitraries.just(ExpiryPolicy.never()),
                Arbitraries.integers().between(1, 60).map(ExpiryPolicy::afterMonths),
                Combinators.combine(Arbitraries.of(CalendarPeriod.class), Arbitraries.integers().between(0, 3))
                        .as(ExpiryPolicy::endOfPeriod));
        Arbitrary<TierPolicy> tiers = Combinators.combine(text, Arbitraries.integers().between(0, 3),
                        Arbitraries.longs().between(1, 10_000), Arbitraries.of(QualificationMetric.class),
                        Arbitraries.of(true, false))
                .as((name, grace, threshold, metric, rolling) -> new TierPolicy(List.of(
                        TierDefinition.of("basic", name, 0, TierBenefits.NONE),
                        new TierDefinition("gold", name + "+", 5, List.of(TierCriterion.of(metric, threshold)),
                                new TierBenefits(10, 125, true, false, Map.of(name, name + "=x")))),
                        rolling ? QualificationWindow.rollingMonths(grace + 1) : QualificationWindow.calendar(CalendarPeriod.QUARTER),
                        grace));
        return Combinators.combine(text, multiplier.list().ofMaxSize(3), bonus.list().ofMaxSize(3), expiry, tiers,
                        Arbitraries.of(true, false), Arbitraries.longs().between(1, 500))
                .as((name, mults, bonuses, exp, tp, auto, min) -> {
                    List<EarnRule> rules = new ArrayList<>();
                    rules.add(new EarnRule.BasePoints(Money.of("2.50", "CNY"), 3));
                    rules.addAll(mults);
                    rules.addAll(bonuses);
                    rules.add(new EarnRule.OrderCap(min * 10));
                    rules.add(new EarnRule.DailyCap(min * 20));
                    return new LoyaltyProgram(ProgramId.of("p-1"), name, Currency.getInstance("CNY"),
                            ZoneId.of("Asia/Shanghai"), rules, exp,
                            new RedemptionRules(Points.of(min), auto ? null : Points.of(min * 3)), tp, auto);
                });
    }

    @Property(tries = 200)
    void programRoundTrips(@ForAll("programs") LoyaltyProgram program) {
        assertThat(LoyaltyCodec.decodeProgram(LoyaltyCodec.encodeProgram(program))).isEqualTo(program);
    }

    @Property(tries = 100)
    void allocationsRoundTrip(@ForAll List<@net.jqwik.api.constraints.LongRange(min = 1, max = 1_000_000) Long> points) {
        List<LotAllocation> allocations = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            allocations.add(new LotAllocation(LedgerEntryId.of(new UUID(i, points.get(i))), points.get(i)));
        }
        assertThat(LoyaltyCodec.decodeAllocations(LoyaltyCodec.encodeAllocations(allocations))).isEqualTo(allocations);
    }
}
