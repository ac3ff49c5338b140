package org.cim4j.internal.loyalty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.Lot;
import org.cim4j.loyalty.MemberAccount;
import org.cim4j.loyalty.MemberAccountId;
import org.cim4j.loyalty.ProgramId;

/** A tiny "store" for one account that runs each command on a fresh {@link MemberLedger}, as the engine does. */
final class LedgerModel {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    final AtomicLong idSeq = new AtomicLong();
    final IdGenerator ids = () -> new UUID(0, idSeq.incrementAndGet());
    MemberAccount account = new MemberAccount(MemberAccountId.of(new UUID(1, 1)), TenantId.of("t"), ProgramId.DEFAULT,
            CustomerId.of(new UUID(2, 2)), START, 0, "basic", START, null, 1);
    final List<LedgerEntry> entries = new ArrayList<>();
    final Map<LedgerEntryId, Lot> lots = new LinkedHashMap<>();
    Instant now = START;
    int keys;

    MemberLedger open() {
        MemberLedger l = new MemberLedger(account, lots.values(), ids, "tester");
        l.expireDue(now);
        return l;
    }

    void commit(MemberLedger l) {
        List<LedgerEntry> w = l.written();
        entries.addAll(w);
        l.createdLots().forEach(x -> lots.put(x.id(), x));
        l.changedLots().forEach(x -> lots.put(x.id(), x));
        account = l.account();
    }

    IdempotencyKey key() {
        return IdempotencyKey.of("k" + (++keys));
    }

    void advanceDays(int days) {
        now = now.plus(Duration.ofDays(days));
    }

    LedgerEntry earn(long points, Instant expiresAt) {
        MemberLedger l = open();
        LedgerEntry e = l.earn(points, EarnReason.manual("m"), expiresAt, now, key());
        commit(l);
        return e;
    }

    LedgerEntry redeem(long points) {
        MemberLedger l = open();
        LedgerEntry e = l.debit(EntryKind.REDEEM, points, null, now, key());
        commit(l);
        return e;
    }

    long ledgerSum() {
        return entries.stream().mapToLong(LedgerEntry::delta).sum();
    }

    long lotSum() {
        return lots.values().stream().mapToLong(Lot::remaining).sum();
    }
}
