package org.cim4j.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why a member is in their tier, as data: the window, the qualifying activity in it, which criteria
 * of the qualified tier are met, and what is missing for the next tier.
 *
 * @param currentTier      tier code on the account
 * @param qualifiedTier    highest tier the window's activity qualifies for now
 * @param graceUntil       end of a grace period, or {@code null}
 * @param windowFrom       window start, inclusive
 * @param windowTo         window end, exclusive
 * @param totals           activity totals per metric in the window
 * @param activity         the activity that counted, oldest first
 * @param qualifiedBy      criteria of the qualified tier and how they stand (met ones explain the tier;
 *                         empty for the entry tier)
 * @param nextTier         code of the next higher tier, or {@code null} at the top
 * @param missingForNext   progress on each criterion of the next tier (meeting any one is enough)
 */
public record TierExplanation(String currentTier, String qualifiedTier, @Nullable Instant graceUntil,
                              Instant windowFrom, Instant windowTo, Map<QualificationMetric, Long> totals,
                              List<QualifyingActivity> activity, List<CriterionProgress> qualifiedBy,
                              @Nullable String nextTier, List<CriterionProgress> missingForNext) {
    public TierExplanation {
        Objects.requireNonNull(currentTier, "currentTier");
        Objects.requireNonNull(qualifiedTier, "qualifiedTier");
        Objects.requireNonNull(windowFrom, "windowFrom");
        Objects.requireNonNull(windowTo, "windowTo");
        totals = Map.copyOf(totals);
        activity = List.copyOf(activity);
        qualifiedBy = List.copyOf(qualifiedBy);
        missingForNext = List.copyOf(missingForNext);
    }
}
