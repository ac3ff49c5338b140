package org.cim4j.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Why a member has the balance they have, as data: the open lots that make it up (in the order
 * redemptions will consume them) and what expires when.
 *
 * @param asOf        when this was computed
 * @param balance     the account's balance
 * @param ledgerSum   sum of all ledger deltas (equals {@code balance})
 * @param lots        lots with points remaining, in consumption order (earliest expiry first, then oldest)
 * @param expirations remaining points grouped by expiry instant, soonest first, never-expiring last
 */
public record BalanceExplanation(Instant asOf, Points balance, long ledgerSum, List<Lot> lots,
                                 List<ExpiryForecast> expirations) {
    public BalanceExplanation {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(balance, "balance");
        lots = List.copyOf(lots);
        expirations = List.copyOf(expirations);
    }

    /** Whether balance, ledger sum and lot remainders all agree. */
    public boolean consistent() {
        return balance.value() == ledgerSum && lots.stream().mapToLong(Lot::remaining).sum() == ledgerSum;
    }
}
