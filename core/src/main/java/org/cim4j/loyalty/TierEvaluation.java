package org.cim4j.loyalty;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Outcome of evaluating a member's tier.
 *
 * @param account the account afterwards
 * @param change  the recorded change, or {@code null} if the tier state stayed as it was
 */
public record TierEvaluation(MemberAccount account, @Nullable TierChange change) {
    public TierEvaluation {
        Objects.requireNonNull(account, "account");
    }
}
