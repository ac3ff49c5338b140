package org.cim4j.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cim4j.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * One immutable row of a member's points ledger. The ledger is append-only: entries are never
 * changed or deleted, and a member's balance is always the sum of their entries' deltas.
 *
 * @param id          id; for EARN and positive ADJUST entries also the id of the lot they created
 * @param tenant      owning tenant
 * @param account     member account
 * @param sequence    position in the account's ledger, strictly increasing
 * @param kind        what happened
 * @param delta       signed change of the balance
 * @param at          when it was recorded (engine clock)
 * @param key         idempotency key of the command that wrote it
 * @param actor       principal id of the command
 * @param earnReason  for EARN: where the points came from; otherwise {@code null}
 * @param expiresAt   for entries that created a lot: its expiry, {@code null} for never
 * @param reverses    for REVERSAL: the entry it undoes; otherwise {@code null}
 * @param note        redemption order reference, adjustment or reversal reason, or {@code null}
 * @param allocations lots this entry took points from or gave points back to
 */
public record LedgerEntry(LedgerEntryId id, TenantId tenant, MemberAccountId account, long sequence, EntryKind kind,
                          long delta, Instant at, IdempotencyKey key, String actor, @Nullable EarnReason earnReason,
                          @Nullable Instant expiresAt, @Nullable LedgerEntryId reverses, @Nullable String note,
                          List<LotAllocation> allocations) {
    public LedgerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(actor, "actor");
        allocations = List.copyOf(allocations);
        if (kind == EntryKind.EARN && (delta <= 0 || earnReason == null)) {
            throw new IllegalArgumentException("an EARN entry needs a positive delta and a reason");
        }
        if ((kind == EntryKind.REDEEM || kind == EntryKind.EXPIRE) && delta >= 0) {
            throw new IllegalArgumentException(kind + " entries need a negative delta");
        }
        if (kind == EntryKind.REVERSAL && reverses == null) {
            throw new IllegalArgumentException("a REVERSAL entry must name the entry it reverses");
        }
        long allocated = allocations.stream().mapToLong(LotAllocation::points).sum();
        if (delta < 0 && allocated != -delta) {
            throw new IllegalArgumentException("allocations of a debit must add up to its delta");
        }
    }

    /** Whether this entry created a lot (EARN, or an ADJUST that added points). */
    public boolean createsLot() {
        return kind == EntryKind.EARN || (kind == EntryKind.ADJUST && delta > 0);
    }
}
