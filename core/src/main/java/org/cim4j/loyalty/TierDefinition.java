package org.cim4j.loyalty;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One tier of a program, e.g. 普通/银卡/金卡/钻石 or Basic/Silver/Gold. A member qualifies when any one
 * of the criteria is met; the tier with the lowest rank has no criteria and is where every member starts.
 *
 * @param code     stable code, 1–32 characters of {@code [A-Za-z0-9._-]}, e.g. {@code "gold"}
 * @param name     display name, e.g. {@code "金卡"}
 * @param rank     order of tiers, higher is better; unique within a program
 * @param criteria any-of qualification criteria; empty only for the entry tier
 * @param benefits what members of the tier get
 */
public record TierDefinition(String code, String name, int rank, List<TierCriterion> criteria, TierBenefits benefits) {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    public TierDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        criteria = List.copyOf(criteria);
        Objects.requireNonNull(benefits, "benefits");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("tier code must match " + CODE + ", was '" + code + "'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("tier name must not be blank");
        }
    }

    /** A tier that qualifies when any of {@code criteria} is met. */
    public static TierDefinition of(String code, String name, int rank, TierBenefits benefits, TierCriterion... criteria) {
        return new TierDefinition(code, name, rank, List.of(criteria), benefits);
    }
}
