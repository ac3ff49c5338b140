package org.cim4j.loyalty;

import java.util.Objects;

/**
 * One line of a statement: an entry and the balance right after it.
 *
 * @param entry          the ledger entry
 * @param runningBalance balance after the entry
 */
public record StatementLine(LedgerEntry entry, long runningBalance) {
    public StatementLine {
        Objects.requireNonNull(entry, "entry");
    }
}
