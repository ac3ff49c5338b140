package org.cim4j.loyalty;

import java.util.Objects;

/**
 * Outcome of a redemption.
 *
 * @param entry    the REDEEM entry; its allocations say which lots paid
 * @param redeemed points redeemed
 * @param balance  balance right after the command
 * @param replayed {@code true} if the key had been used: nothing changed, this is the first result
 */
public record RedeemResult(LedgerEntry entry, Points redeemed, Points balance, boolean replayed) {
    public RedeemResult {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(redeemed, "redeemed");
        Objects.requireNonNull(balance, "balance");
    }
}
