package org.cim4j.internal.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.InsufficientPointsException;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.Lot;
import org.cim4j.loyalty.LotAllocation;

/** Invariants of the ledger rules under random command sequences. */
class MemberLedgerProperties {

    /** One random command: kind 0-1 earn, 2-3 redeem, 4 reverse, 5 adjust; plus amount, index and days to wait. */
    record Cmd(int kind, long amount, int pick, int days, int expiryDays) {
    }

    @Provide
    Arbitrary<List<Cmd>> commands() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.longs().between(1, 400),
                        Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(-1, 90))
                .as(Cmd::new).list().ofMinSize(1).ofMaxSize(60);
    }

    /** Runs the commands; returns the model. Failed commands (insufficient points) change nothing. */
    static LedgerModel run(List<Cmd> cmds) {
        LedgerModel m = new LedgerModel();
        Map<LedgerEntryId, Long> reversed = new HashMap<>();
        for (Cmd c : cmds) {
            m.advanceDays(c.days());
            Instant expiry = c.expiryDays() < 0 ? null : m.now.plus(Duration.ofDays(c.expiryDays() + 1));
            MemberLedger l = m.open();
            try {
                switch (c.kind()) {
                    case 0, 1 -> l.earn(c.amount(), org.cim4j.loyalty.EarnReason.manual("e"), expiry, m.now, m.key());
                    case 2, 3 -> l.debit(EntryKind.REDEEM, c.amount(), null, m.now, m.key());
                    case 4 -> reverseSomething(m, l, c, reversed);
                    default -> {
                        if (c.amount() % 2 == 0) {
                            l.adjustUp(c.amount(), "goodwill", expiry, m.now, m.key());
                        } else {
                            l.debit(EntryKind.ADJUST, c.amount(), "correction", m.now, m.key());
                        }
                    }
                }
                m.commit(l);
            } catch (InsufficientPointsException e) {
                assertThat(e.requested().value()).isGreaterThan(e.available().value());
                // roll back: the ledger instance is discarded; only its expiries are kept, as if run separately
                MemberLedger again = m.open();
                m.commit(again);
            }
            check(m);
        }
        return m;
    }

    private static void reverseSomething(LedgerModel m, MemberLedger l, Cmd c, Map<LedgerEntryId, Long> reversed) {
        List<LedgerEntry> candidates = m.entries.stream()
                .filter(e -> e.kind() == EntryKind.EARN || e.kind() == EntryKind.REDEEM)
                .filter(e -> Math.abs(e.delta()) > reversed.getOrDefault(e.id(), 0L)).toList();
        if (candidates.isEmpty()) {
            return;
        }
        LedgerEntry target = candidates.get(c.pick() % candidates.size());
        if (target.kind() == EntryKind.REDEEM) {
            l.reverseRedeem(target, "cancelled", m.now, m.key());
            reversed.put(target.id(), -target.delta());
            l.expireDue(m.now);
        } else {
            long left = target.delta() - reversed.getOrDefault(target.id(), 0L);
            long amount = Math.min(left, c.amount());
            l.reverseEarn(target, amount, "refund", m.now, m.key());
            reversed.merge(target.id(), amount, Long::sum);
        }
    }

    static void check(LedgerModel m) {
        assertThat(m.account.balance()).isEqualTo(m.ledgerSum()).isEqualTo(m.lotSum()).isNotNegative();
        for (Lot lot : m.lots.values()) {
            assertThat(lot.remaining()).isBetween(0L, lot.original());
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void balanceEqualsLedgerSumAndLotsStayInRange(@ForAll("commands") List<Cmd> cmds) {
        LedgerModel m = run(cmds);
        check(m);
        // sequences strictly increase
        for (int i = 1; i < m.entries.size(); i++) {
            assertThat(m.entries.get(i).sequence()).isGreaterThan(m.entries.get(i - 1).sequence());
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void lotMovementsAccountForEveryPoint(@ForAll("commands") List<Cmd> cmds) {
        LedgerModel m = run(cmds);
        Map<LedgerEntryId, Long> net = new HashMap<>();
        for (LedgerEntry e : m.entries) {
            for (LotAllocation a : e.allocations()) {
                long sign = e.delta() < 0 ? -1 : 1;
                net.merge(a.lot(), sign * a.points(), Long::sum);
            }
        }
        for (Lot lot : m.lots.values()) {
            assertThat(lot.original() + net.getOrDefault(lot.id(), 0L)).isEqualTo(lot.remaining());
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void redemptionsConsumeLotsInFifoOrder(@ForAll("commands") List<Cmd> cmds, @ForAll @LongRange(min = 1, max = 800) long redeem) {
        LedgerModel m = run(cmds);
        List<Lot> before = m.lots.values().stream().filter(l -> l.remaining() > 0 && !l.isExpiredAt(m.now))
                .sorted(MemberLedger.FIFO).toList();
        MemberLedger l = m.open();
        if (redeem > l.account().balance()) {
            assertThatThrownBy(() -> l.debit(EntryKind.REDEEM, redeem, null, m.now, m.key()))
                    .isInstanceOf(InsufficientPointsException.class);
            assertThat(l.written()).allMatch(e -> e.kind() == EntryKind.EXPIRE);
            return;
        }
        LedgerEntry e = l.debit(EntryKind.REDEEM, redeem, null, m.now, m.key());
        List<LotAllocation> alloc = e.allocations();
        for (int i = 0; i < alloc.size(); i++) {
            assertThat(alloc.get(i).lot()).isEqualTo(before.get(i).id());
            if (i < alloc.size() - 1) {
                assertThat(alloc.get(i).points()).isEqualTo(before.get(i).remaining());
            }
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void reversingEarnAndRedeemRestoresThePriorState(@ForAll("commands") List<Cmd> cmds,
                                                     @ForAll @LongRange(min = 1, max = 500) long earn,
                                                     @ForAll @IntRange(min = 1, max = 100) int redeemPercent) {
        LedgerModel m = run(cmds);
        m.commit(m.open());
        long balanceBefore = m.account.balance();
        Map<LedgerEntryId, Long> remainingBefore = new HashMap<>();
        m.lots.values().forEach(x -> remainingBefore.put(x.id(), x.remaining()));

        LedgerEntry earned = m.earn(earn, null);
        long redeem = Math.max(1, (balanceBefore + earn) * redeemPercent / 100);
        LedgerEntry redeemed = m.redeem(redeem);
        MemberLedger l = m.open();
        l.reverseRedeem(redeemed, "cancel", m.now, m.key());
        l.reverseEarn(earned, earn, "refund", m.now, m.key());
        m.commit(l);

        assertThat(m.account.balance()).isEqualTo(balanceBefore);
        remainingBefore.forEach((id, rem) -> assertThat(m.lots.get(id).remaining()).isEqualTo(rem));
        assertThat(m.lots.get(earned.id()).remaining()).isZero();
        check(m);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void expiryNeverTakesRedeemedPoints(@ForAll("commands") List<Cmd> cmds) {
        LedgerModel m = run(cmds);
        m.advanceDays(400);
        m.commit(m.open());
        Map<LedgerEntryId, Long> takenBeforeExpiry = new HashMap<>();
        for (LedgerEntry e : m.entries) {
            for (LotAllocation a : e.allocations()) {
                if (e.kind() == EntryKind.EXPIRE) {
                    long earnedNet = m.lots.get(a.lot()).original() + takenBeforeExpiry.getOrDefault(a.lot(), 0L);
                    assertThat(a.points()).isLessThanOrEqualTo(earnedNet);
                }
                long sign = e.delta() < 0 ? -1 : 1;
                takenBeforeExpiry.merge(a.lot(), sign * a.points(), Long::sum);
            }
        }
        long expired = -m.entries.stream().filter(e -> e.kind() == EntryKind.EXPIRE).mapToLong(LedgerEntry::delta).sum();
        long credited = m.entries.stream().filter(e -> e.delta() > 0).mapToLong(LedgerEntry::delta).sum();
        long debitedOtherwise = -m.entries.stream().filter(e -> e.delta() < 0 && e.kind() != EntryKind.EXPIRE)
                .mapToLong(LedgerEntry::delta).sum();
        assertThat(expired).isLessThanOrEqualTo(credited - debitedOtherwise);
        assertThat(m.lots.values()).allMatch(x -> x.expiresAt() == null || x.remaining() == 0);
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void failedDebitChangesNothing(@ForAll("commands") List<Cmd> cmds) {
        LedgerModel m = run(cmds);
        m.commit(m.open());
        long balance = m.account.balance();
        List<Lot> lotsBefore = new ArrayList<>(m.lots.values());
        MemberLedger l = m.open();
        assertThatThrownBy(() -> l.debit(EntryKind.REDEEM, balance + 1, null, m.now, m.key()))
                .isInstanceOfSatisfying(InsufficientPointsException.class, e -> {
                    assertThat(e.available().value()).isEqualTo(balance);
                    assertThat(e.requested().value()).isEqualTo(balance + 1);
                });
        assertThat(l.written()).isEmpty();
        assertThat(l.account()).isEqualTo(m.account);
        assertThat(l.changedLots()).isEmpty();
        assertThat(new ArrayList<>(m.lots.values())).isEqualTo(lotsBefore);
    }
}
