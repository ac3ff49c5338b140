package org.cim4j.internal.loyalty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cim4j.customer.CustomerId;
import org.cim4j.loyalty.BalanceExplanation;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.ExpiryForecast;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.Lot;
import org.cim4j.loyalty.Points;
import org.cim4j.loyalty.ProgramId;
import org.cim4j.loyalty.Statement;
import org.cim4j.loyalty.StatementLine;

/** Statements with running balances and balance explanations, from ledger entries and lots. */
public final class Statements {
    private Statements() {
    }

    /**
     * The statement for {@code [from, to)}.
     *
     * @param entries every entry of the account (any order; sorted by sequence here)
     */
    public static Statement statement(ProgramId program, CustomerId customer, List<LedgerEntry> entries, Instant from,
                                      Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("statement period ends before it starts");
        }
        List<LedgerEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(LedgerEntry::sequence));
        long running = 0;
        long opening = 0;
        List<StatementLine> lines = new ArrayList<>();
        Map<EntryKind, Long> totals = new EnumMap<>(EntryKind.class);
        for (LedgerEntry e : sorted) {
            if (!e.at().isBefore(to)) {
                continue; // entries are in ledger order; times normally follow it, but a clock may step back
            }
            running += e.delta();
            if (e.at().isBefore(from)) {
                opening = running;
            } else {
                lines.add(new StatementLine(e, running));
                totals.merge(e.kind(), e.delta(), Long::sum);
            }
        }
        return new Statement(program, customer, from, to, Points.of(opening), lines, Points.of(running), totals);
    }

    /** Why the balance is what it is: open lots in consumption order and expiry forecast. */
    public static BalanceExplanation explainBalance(long balance, List<LedgerEntry> entries, List<Lot> lots,
                                                    Instant asOf) {
        long sum = entries.stream().mapToLong(LedgerEntry::delta).sum();
        List<Lot> open = lots.stream().filter(l -> l.remaining() > 0).sorted(MemberLedger.FIFO).toList();
        Map<Instant, Long> byExpiry = new LinkedHashMap<>();
        long never = 0;
        for (Lot l : open) {
            if (l.expiresAt() == null) {
                never += l.remaining();
            } else {
                byExpiry.merge(l.expiresAt(), l.remaining(), Long::sum);
            }
        }
        List<ExpiryForecast> forecast = new ArrayList<>();
        byExpiry.forEach((at, pts) -> forecast.add(new ExpiryForecast(at, Points.of(pts))));
        if (never > 0) {
            forecast.add(new ExpiryForecast(null, Points.of(never)));
        }
        return new BalanceExplanation(asOf, Points.of(balance), sum, open, forecast);
    }
}
