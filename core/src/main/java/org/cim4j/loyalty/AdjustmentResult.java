package org.cim4j.loyalty;

import java.util.Objects;

/**
 * Outcome of a manual adjustment.
 *
 * @param entry    the ADJUST entry
 * @param balance  balance right after the command
 * @param replayed {@code true} if the key had been used: nothing changed, this is the first result
 */
public record AdjustmentResult(LedgerEntry entry, Points balance, boolean replayed) {
    public AdjustmentResult {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(balance, "balance");
    }
}
