package org.cim4j.loyalty;

import java.util.List;
import java.util.Objects;

/**
 * Outcome of an expiry run.
 *
 * @param entries EXPIRE entries written, one per expired lot (none if nothing was due)
 * @param expired total points expired
 */
public record ExpiryResult(List<LedgerEntry> entries, Points expired) {
    public ExpiryResult {
        entries = List.copyOf(entries);
        Objects.requireNonNull(expired, "expired");
    }
}
