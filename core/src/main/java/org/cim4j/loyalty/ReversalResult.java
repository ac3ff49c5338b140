package org.cim4j.loyalty;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Outcome of a reversal.
 *
 * @param entry        the REVERSAL entry, or {@code null} if there was nothing left to take back
 * @param reversed     points taken back (earn reversal) or restored (redemption reversal)
 * @param notRecovered points of an earn reversal that could not be taken back because the member had
 *                     already spent them and has no balance left (balances never go negative)
 * @param balance      balance right after the command
 * @param replayed     {@code true} if the key had been used: nothing changed, this is the first result
 */
public record ReversalResult(@Nullable LedgerEntry entry, Points reversed, Points notRecovered, Points balance,
                             boolean replayed) {
    public ReversalResult {
        Objects.requireNonNull(reversed, "reversed");
        Objects.requireNonNull(notRecovered, "notRecovered");
        Objects.requireNonNull(balance, "balance");
    }
}
