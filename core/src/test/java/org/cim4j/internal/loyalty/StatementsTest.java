package org.cim4j.internal.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.ExpiryForecast;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.Points;
import org.cim4j.loyalty.Statement;
import org.junit.jupiter.api.Test;

class StatementsTest {

    @Test
    void statement_runningBalanceOpeningAndClosing() {
        LedgerModel m = new LedgerModel();
        m.earn(100, null);
        m.advanceDays(10);
        var from = m.now;
        LedgerEntry e2 = m.earn(50, m.now.plus(Duration.ofDays(5)));
        m.advanceDays(1);
        m.redeem(30);
        m.advanceDays(10);
        m.commit(m.open()); // expires what is left of the 50-point lot
        m.advanceDays(10);
        m.earn(7, null);
        Statement s = Statements.statement(m.account.program(), m.account.customer(), m.entries, from, m.now);
        assertThat(s.opening()).isEqualTo(Points.of(100));
        assertThat(s.lines()).extracting(l -> l.entry().kind()).containsExactly(EntryKind.EARN, EntryKind.REDEEM,
                EntryKind.EXPIRE);
        assertThat(s.lines()).extracting(l -> l.runningBalance()).containsExactly(150L, 120L, 100L);
        assertThat(s.closing()).isEqualTo(Points.of(100));
        assertThat(s.totals()).containsEntry(EntryKind.EXPIRE, -20L);
        assertThat(s.lines().get(0).entry()).isEqualTo(e2);
    }

    @Test
    void explainBalance_lotsInFifoOrderAndForecast() {
        LedgerModel m = new LedgerModel();
        m.earn(100, null);
        LedgerEntry soon = m.earn(40, m.now.plus(Duration.ofDays(30)));
        m.redeem(10);
        var ex = Statements.explainBalance(m.account.balance(), m.entries, m.lots.values().stream().toList(), m.now);
        assertThat(ex.consistent()).isTrue();
        assertThat(ex.lots().get(0).id()).isEqualTo(soon.id());
        assertThat(ex.lots().get(0).remaining()).isEqualTo(30);
        assertThat(ex.expirations()).containsExactly(
                new ExpiryForecast(soon.expiresAt(), Points.of(30)), new ExpiryForecast(null, Points.of(100)));
    }
}
