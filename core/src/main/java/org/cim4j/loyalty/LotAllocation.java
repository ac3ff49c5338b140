package org.cim4j.loyalty;

import java.util.Objects;

/**
 * Points a ledger entry took from (redeem, expire, negative reversal or adjustment) or gave back to
 * (reversal of a redemption) one lot. Recorded on the entry so a redemption can be undone exactly.
 *
 * @param lot    the lot, i.e. the id of the EARN or positive ADJUST entry that created it
 * @param points how many points, positive
 */
public record LotAllocation(LedgerEntryId lot, long points) {
    public LotAllocation {
        Objects.requireNonNull(lot, "lot");
        if (points <= 0) {
            throw new IllegalArgumentException("allocated points must be positive, was " + points);
        }
    }
}
