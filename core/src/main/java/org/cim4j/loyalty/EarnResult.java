package org.cim4j.loyalty;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Outcome of an earn command.
 *
 * @param entry    the EARN entry, or {@code null} if the rules gave no points (e.g. a cap was reached)
 * @param earned   points earned
 * @param balance  balance right after the command
 * @param tier     tier code right after the command (earning can upgrade)
 * @param replayed {@code true} if the key had been used: nothing changed, this is the first result
 */
public record EarnResult(@Nullable LedgerEntry entry, Points earned, Points balance, String tier, boolean replayed) {
    public EarnResult {
        Objects.requireNonNull(earned, "earned");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(tier, "tier");
    }
}
