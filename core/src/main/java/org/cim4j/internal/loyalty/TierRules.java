package org.cim4j.internal.loyalty;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cim4j.loyalty.CriterionProgress;
import org.cim4j.loyalty.MemberAccount;
import org.cim4j.loyalty.QualificationMetric;
import org.cim4j.loyalty.QualifyingActivity;
import org.cim4j.loyalty.TierChange;
import org.cim4j.loyalty.TierChangeReason;
import org.cim4j.loyalty.TierCriterion;
import org.cim4j.loyalty.TierDefinition;
import org.cim4j.loyalty.TierExplanation;
import org.cim4j.loyalty.TierPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Tier qualification and movement. Qualification is monotonic by construction: a tier qualifies when
 * any criterion's total reaches its threshold, totals only grow with more activity, and the result
 * is the highest-ranked qualifying tier.
 */
public final class TierRules {
    private TierRules() {
    }

    /** A decided tier movement: the account afterwards and the change to record. */
    public record Move(MemberAccount account, TierChange change) {
    }

    /** Totals per metric; every metric present. */
    public static Map<QualificationMetric, Long> totals(List<QualifyingActivity> activity) {
        Map<QualificationMetric, Long> totals = new EnumMap<>(QualificationMetric.class);
        for (QualificationMetric m : QualificationMetric.values()) {
            totals.put(m, activity.stream().mapToLong(a -> a.value(m)).sum());
        }
        return totals;
    }

    /** The highest-ranked tier whose criteria (any one) are met; the entry tier if none. */
    public static TierDefinition qualified(TierPolicy policy, Map<QualificationMetric, Long> totals) {
        TierDefinition best = policy.entryTier();
        for (TierDefinition t : policy.tiers()) {
            if (t.criteria().stream().anyMatch(c -> met(c, totals))) {
                best = t;
            }
        }
        return best;
    }

    /** Upgrade if the member qualifies for a higher tier than their current one. */
    public static @Nullable Move upgrade(MemberAccount account, TierPolicy policy,
                                         Map<QualificationMetric, Long> totals, Instant now, String actor) {
        TierDefinition current = tierOrEntry(policy, account.tier());
        TierDefinition q = qualified(policy, totals);
        if (q.rank() <= current.rank()) {
            return null;
        }
        return move(account, q.code(), now, null, TierChangeReason.UPGRADE, evidence(q, totals), actor, now);
    }

    /** Period-end evaluation: upgrade, clear or start grace, or downgrade. */
    public static @Nullable Move periodEnd(MemberAccount account, TierPolicy policy,
                                           Map<QualificationMetric, Long> totals, Instant now, ZoneId zone,
                                           String actor) {
        TierDefinition current = tierOrEntry(policy, account.tier());
        TierDefinition q = qualified(policy, totals);
        if (q.rank() > current.rank()) {
            return move(account, q.code(), now, null, TierChangeReason.UPGRADE, evidence(q, totals), actor, now);
        }
        if (q.rank() == current.rank()) {
            return account.graceUntil() == null ? null
                    : move(account, current.code(), account.tierSince(), null, TierChangeReason.GRACE_CLEARED,
                    evidence(q, totals), actor, now);
        }
        String detail = "qualifies for " + q.code() + ": " + format(totals);
        if (account.graceUntil() == null && policy.graceMonths() > 0) {
            Instant until = now.atZone(zone).plusMonths(policy.graceMonths()).toInstant();
            return move(account, current.code(), account.tierSince(), until, TierChangeReason.GRACE_STARTED, detail,
                    actor, now);
        }
        if (account.graceUntil() != null && now.isBefore(account.graceUntil())) {
            return null;
        }
        return move(account, q.code(), now, null, TierChangeReason.DOWNGRADE, detail, actor, now);
    }

    /** The tier explanation for an account and the activity in its window. */
    public static TierExplanation explain(MemberAccount account, TierPolicy policy, Periods.Range window,
                                          List<QualifyingActivity> activity) {
        Map<QualificationMetric, Long> totals = totals(activity);
        TierDefinition q = qualified(policy, totals);
        TierDefinition current = tierOrEntry(policy, account.tier());
        TierDefinition reference = q.rank() >= current.rank() ? q : current;
        TierDefinition next = policy.tiers().stream().filter(t -> t.rank() > reference.rank()).findFirst().orElse(null);
        List<QualifyingActivity> sorted = new ArrayList<>(activity);
        sorted.sort(Comparator.comparing(QualifyingActivity::at).thenComparing(QualifyingActivity::reference));
        return new TierExplanation(account.tier(), q.code(), account.graceUntil(), window.from(), window.to(), totals,
                sorted, progress(q, totals), next == null ? null : next.code(),
                next == null ? List.of() : progress(next, totals));
    }

    static List<CriterionProgress> progress(TierDefinition tier, Map<QualificationMetric, Long> totals) {
        return tier.criteria().stream().map(c -> {
            long have = totals.getOrDefault(c.metric(), 0L);
            return new CriterionProgress(c, have, Math.max(0, c.threshold() - have));
        }).toList();
    }

    private static TierDefinition tierOrEntry(TierPolicy policy, String code) {
        return policy.tiers().stream().filter(t -> t.code().equals(code)).findFirst().orElse(policy.entryTier());
    }

    private static boolean met(TierCriterion c, Map<QualificationMetric, Long> totals) {
        return totals.getOrDefault(c.metric(), 0L) >= c.threshold();
    }

    private static String evidence(TierDefinition tier, Map<QualificationMetric, Long> totals) {
        return tier.criteria().stream().filter(c -> met(c, totals))
                .map(c -> c.metric() + "=" + totals.get(c.metric()) + ">=" + c.threshold())
                .collect(Collectors.joining(","));
    }

    private static String format(Map<QualificationMetric, Long> totals) {
        return totals.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static Move move(MemberAccount account, String to, Instant since, @Nullable Instant graceUntil,
                             TierChangeReason reason, String detail, String actor, Instant now) {
        MemberAccount after = account.withTier(to, since, graceUntil);
        return new Move(after, new TierChange(account.tenant(), account.id(), account.tier(), to, now, reason, detail,
                actor));
    }
}
