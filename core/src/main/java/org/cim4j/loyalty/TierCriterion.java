package org.cim4j.loyalty;

import java.util.Objects;

/**
 * One way to qualify for a tier: reach {@code threshold} of {@code metric} within the program's
 * qualification window.
 *
 * @param metric    what is counted
 * @param threshold the amount needed, positive
 */
public record TierCriterion(QualificationMetric metric, long threshold) {
    public TierCriterion {
        Objects.requireNonNull(metric, "metric");
        if (threshold <= 0) {
            throw new IllegalArgumentException("threshold must be positive, was " + threshold);
        }
    }

    public static TierCriterion of(QualificationMetric metric, long threshold) {
        return new TierCriterion(metric, threshold);
    }
}
