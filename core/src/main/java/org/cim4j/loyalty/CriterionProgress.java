package org.cim4j.loyalty;

import java.util.Objects;

/**
 * How far a member is on one tier criterion.
 *
 * @param criterion the criterion
 * @param achieved  what the member has in the window
 * @param missing   what is still needed, 0 when met
 */
public record CriterionProgress(TierCriterion criterion, long achieved, long missing) {
    public CriterionProgress {
        Objects.requireNonNull(criterion, "criterion");
    }

    public boolean met() {
        return missing == 0;
    }
}
