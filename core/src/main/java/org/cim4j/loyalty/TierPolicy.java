package org.cim4j.loyalty;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A program's tiers and how members move between them. Upgrades happen as soon as a member qualifies;
 * downgrades only when the host runs the period-end evaluation, and with {@code graceMonths > 0} the
 * member first keeps the tier for that many months (a grace period) before being moved down.
 *
 * @param tiers       tiers, any order; ranks and codes unique; exactly one tier without criteria, with the lowest rank
 * @param window      activity window for qualification
 * @param graceMonths months a member keeps a tier after failing to requalify at period end, 0–24
 */
public record TierPolicy(List<TierDefinition> tiers, QualificationWindow window, int graceMonths) {
    public TierPolicy {
        tiers = tiers.stream().sorted(Comparator.comparingInt(TierDefinition::rank)).toList();
        Objects.requireNonNull(window, "window");
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a tier policy needs at least one tier");
        }
        if (graceMonths < 0 || graceMonths > 24) {
            throw new IllegalArgumentException("grace months must be 0-24, was " + graceMonths);
        }
        Set<String> codes = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        for (TierDefinition t : tiers) {
            if (!codes.add(t.code()) || !ranks.add(t.rank())) {
                throw new IllegalArgumentException("tier codes and ranks must be unique, repeated: " + t.code());
            }
        }
        if (!tiers.get(0).criteria().isEmpty()) {
            throw new IllegalArgumentException("the lowest tier must have no criteria");
        }
        for (TierDefinition t : tiers.subList(1, tiers.size())) {
            if (t.criteria().isEmpty()) {
                throw new IllegalArgumentException("tier " + t.code() + " above the entry tier needs criteria");
            }
        }
    }

    /** A single entry tier with no benefits: a program without tiers. */
    public static TierPolicy single() {
        return new TierPolicy(List.of(TierDefinition.of("member", "Member", 0, TierBenefits.NONE)),
                QualificationWindow.rollingMonths(12), 0);
    }

    /** The tier every member starts in. */
    public TierDefinition entryTier() {
        return tiers.get(0);
    }

    /**
     * @throws IllegalArgumentException if there is no such tier
     */
    public TierDefinition tier(String code) {
        return tiers.stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tier " + code));
    }
}
