package org.cim4j.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cim4j.customer.CustomerId;

/**
 * A member's ledger for a period {@code [from, to)}, with the running balance after each entry.
 * {@code opening + Σ line deltas == closing} always holds.
 *
 * @param program  program
 * @param customer member
 * @param from     start, inclusive
 * @param to       end, exclusive
 * @param opening  balance before {@code from}
 * @param lines    entries of the period in ledger order
 * @param closing  balance at {@code to}
 * @param totals   sum of deltas per entry kind within the period (kinds without entries omitted)
 */
public record Statement(ProgramId program, CustomerId customer, Instant from, Instant to, Points opening,
                        List<StatementLine> lines, Points closing, Map<EntryKind, Long> totals) {
    public Statement {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(opening, "opening");
        lines = List.copyOf(lines);
        Objects.requireNonNull(closing, "closing");
        totals = Map.copyOf(totals);
    }
}
