package org.cim4j.spi;

import java.time.Instant;
import org.cim4j.loyalty.EarnSource;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.LedgerEntry;

/**
 * Sums over one member account's ledger entries in a time range, as returned by
 * {@link LoyaltyStore#ledgerTotals}. They exist so that the engine can decide tier upgrades and daily
 * earn caps with one small aggregate read while it holds the account lock, instead of loading every
 * entry of the window (which made commands on a busy account slower as its ledger grew).
 *
 * @param qualifyingPoints Σ delta of {@code EARN} entries plus Σ delta of {@code REVERSAL} entries with a
 *                         negative delta (reversed earns; a reversed redemption is positive and does not
 *                         count): the points that qualify for tiers, net of reversals. Adjustments,
 *                         redemptions and expiries do not count.
 * @param ruleEarnedPoints Σ delta of {@code EARN} entries whose earn reason is not
 *                         {@link org.cim4j.loyalty.EarnSource#MANUAL} (points granted by the program's
 *                         rules, which the daily cap limits)
 */
public record LedgerTotals(long qualifyingPoints, long ruleEarnedPoints) {
    /** No entries. */
    public static final LedgerTotals ZERO = new LedgerTotals(0, 0);

    /** Whether an entry counts towards {@link #qualifyingPoints}: an earn, or a reversal taking points back. */
    public static boolean qualifies(LedgerEntry e) {
        return e.kind() == EntryKind.EARN || (e.kind() == EntryKind.REVERSAL && e.delta() < 0);
    }

    /** Whether an entry counts towards {@link #ruleEarnedPoints}: an earn not granted manually. */
    public static boolean ruleEarned(LedgerEntry e) {
        return e.kind() == EntryKind.EARN && e.earnReason() != null && e.earnReason().source() != EarnSource.MANUAL;
    }

    /**
     * The totals of the entries with {@code from <= at < to}, computed in memory: what
     * {@link LoyaltyStore#ledgerTotals}'s default and in-memory adapters return, and the reference a
     * SQL aggregate must agree with.
     */
    public static LedgerTotals of(Iterable<LedgerEntry> entries, Instant from, Instant to) {
        long qualifying = 0;
        long ruleEarned = 0;
        for (LedgerEntry e : entries) {
            if (e.at().isBefore(from) || !e.at().isBefore(to)) {
                continue;
            }
            if (qualifies(e)) {
                qualifying += e.delta();
            }
            if (ruleEarned(e)) {
                ruleEarned += e.delta();
            }
        }
        return new LedgerTotals(qualifying, ruleEarned);
    }
}
