package org.cim4j.internal.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cim4j.loyalty.MemberAccount;
import org.cim4j.loyalty.QualificationMetric;
import org.cim4j.loyalty.QualificationWindow;
import org.cim4j.loyalty.QualifyingActivity;
import org.cim4j.loyalty.TierBenefits;
import org.cim4j.loyalty.TierChangeReason;
import org.cim4j.loyalty.TierCriterion;
import org.cim4j.loyalty.TierDefinition;
import org.cim4j.loyalty.TierPolicy;

/** Tier qualification is monotonic and movement follows the upgrade/grace/downgrade rules. */
class TierRulesProperties {
    static final Instant NOW = Instant.parse("2026-06-30T00:00:00Z");

    @Provide
    Arbitrary<TierPolicy> policies() {
        Arbitrary<TierCriterion> criterion = Combinators.combine(
                        Arbitraries.of(QualificationMetric.class), Arbitraries.longs().between(1, 5000))
                .as(TierCriterion::new);
        return criterion.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(0).ofMaxSize(4)
                .flatMap(crits -> Arbitraries.integers().between(0, 3).map(grace -> {
                    List<TierDefinition> tiers = new ArrayList<>();
                    tiers.add(TierDefinition.of("t0", "Basic", 0, TierBenefits.NONE));
                    for (int i = 0; i < crits.size(); i++) {
                        tiers.add(new TierDefinition("t" + (i + 1), "Tier " + (i + 1), i + 1, crits.get(i),
                                TierBenefits.NONE));
                    }
                    return new TierPolicy(tiers, QualificationWindow.rollingMonths(12), grace);
                }));
    }

    @Provide
    Arbitrary<List<QualifyingActivity>> activity() {
        return Combinators.combine(Arbitraries.longs().between(0, 2000), Arbitraries.longs().between(0, 2000),
                        Arbitraries.integers().between(0, 3))
                .as((p, s, o) -> new QualifyingActivity(NOW, "a", p, s, o)).list().ofMaxSize(10);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void moreActivityNeverGivesALowerTier(@ForAll("policies") TierPolicy policy,
                                          @ForAll("activity") List<QualifyingActivity> base,
                                          @ForAll("activity") List<QualifyingActivity> extra) {
        List<QualifyingActivity> more = new ArrayList<>(base);
        more.addAll(extra);
        int rankBase = TierRules.qualified(policy, TierRules.totals(base)).rank();
        int rankMore = TierRules.qualified(policy, TierRules.totals(more)).rank();
        assertThat(rankMore).isGreaterThanOrEqualTo(rankBase);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void upgradeNeverLowersAndPeriodEndHonoursGrace(@ForAll("policies") TierPolicy policy,
                                                    @ForAll("activity") List<QualifyingActivity> activity) {
        Map<QualificationMetric, Long> totals = TierRules.totals(activity);
        TierDefinition top = policy.tiers().get(policy.tiers().size() - 1);
        MemberAccount account = new LedgerModel().account.withTier(top.code(), NOW.minusSeconds(3600), null);
        assertThat(TierRules.upgrade(account, policy, totals, NOW, "t")).isNull();

        TierRules.Move first = TierRules.periodEnd(account, policy, totals, NOW, ZoneOffset.UTC, "t");
        TierDefinition q = TierRules.qualified(policy, totals);
        if (q.rank() == top.rank()) {
            assertThat(first).isNull();
        } else if (policy.graceMonths() > 0) {
            assertThat(first.change().reason()).isEqualTo(TierChangeReason.GRACE_STARTED);
            assertThat(first.account().tier()).isEqualTo(top.code());
            // within grace nothing happens; after it the member drops to the qualified tier
            assertThat(TierRules.periodEnd(first.account(), policy, totals, NOW.plusSeconds(60), ZoneOffset.UTC, "t"))
                    .isNull();
            TierRules.Move later = TierRules.periodEnd(first.account(), policy, totals,
                    first.account().graceUntil(), ZoneOffset.UTC, "t");
            assertThat(later.change().reason()).isEqualTo(TierChangeReason.DOWNGRADE);
            assertThat(later.account().tier()).isEqualTo(q.code());
            assertThat(later.account().graceUntil()).isNull();
        } else {
            assertThat(first.change().reason()).isEqualTo(TierChangeReason.DOWNGRADE);
            assertThat(first.account().tier()).isEqualTo(q.code());
        }
    }
}
