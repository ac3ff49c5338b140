package org.cim4j.internal.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.cim4j.ValidationException;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LotAllocation;
import org.junit.jupiter.api.Test;

class MemberLedgerTest {

    @Test
    void reverseRedeem_ontoExpiredLotIsExpiredAgain() {
        LedgerModel m = new LedgerModel();
        LedgerEntry lot = m.earn(100, m.now.plus(Duration.ofDays(10)));
        LedgerEntry redeem = m.redeem(60);
        m.advanceDays(20);
        MemberLedger l = m.open(); // expires the 40 left
        m.commit(l);
        assertThat(m.account.balance()).isZero();

        MemberLedger again = m.open();
        again.addLots(List.of(m.lots.get(lot.id())));
        again.reverseRedeem(redeem, "cancel", m.now, m.key());
        List<LedgerEntry> expired = again.expireDue(m.now);
        m.commit(again);
        assertThat(expired).singleElement().satisfies(e -> assertThat(e.delta()).isEqualTo(-60));
        assertThat(m.account.balance()).isZero();
        assertThat(m.ledgerSum()).isZero();
    }

    @Test
    void reverseEarn_ownLotFirstThenFifo() {
        LedgerModel m = new LedgerModel();
        LedgerEntry older = m.earn(50, null);
        LedgerEntry target = m.earn(100, null);
        m.redeem(120); // takes 50 from older, 70 from target
        MemberLedger l = m.open();
        MemberLedger.Reversal r = l.reverseEarn(target, 100, "refund", m.now, m.key());
        m.commit(l);
        assertThat(r.reversed()).isEqualTo(30);
        assertThat(r.notRecovered()).isEqualTo(70);
        assertThat(r.entry().allocations()).containsExactly(new LotAllocation(target.id(), 30));
        assertThat(m.lots.get(older.id()).remaining()).isZero();
    }

    @Test
    void reverseEarn_nothingLeftWritesNothing() {
        LedgerModel m = new LedgerModel();
        LedgerEntry e = m.earn(10, null);
        m.redeem(10);
        MemberLedger l = m.open();
        MemberLedger.Reversal r = l.reverseEarn(e, 10, "refund", m.now, m.key());
        assertThat(r.entry()).isNull();
        assertThat(r.notRecovered()).isEqualTo(10);
        assertThat(l.written()).isEmpty();
    }

    @Test
    void debit_zeroOrWrongKindRejected() {
        LedgerModel m = new LedgerModel();
        MemberLedger l = m.open();
        assertThatThrownBy(() -> l.debit(EntryKind.REDEEM, 0, null, m.now, m.key()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> l.debit(EntryKind.EXPIRE, 1, null, m.now, m.key()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
