package org.cim4j.internal.loyalty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cim4j.IdGenerator;
import org.cim4j.ValidationException;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.InsufficientPointsException;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.Lot;
import org.cim4j.loyalty.LotAllocation;
import org.cim4j.loyalty.MemberAccount;
import org.jspecify.annotations.Nullable;

/**
 * The ledger rules of one member account, without storage: it holds the account and the lots a
 * command needs, applies commands to them and collects what must be persisted (new entries, new
 * lots, lots whose {@code remaining} changed, the new account). The engine loads the state under
 * the account lock, runs one command here and writes the collected changes in the same
 * transaction; property tests run long command sequences on it directly.
 *
 * <p>Invariants kept by every method: balance == Σ entry deltas == Σ lot remaining; every lot has
 * {@code 0 <= remaining <= original}; a debit that exceeds the balance throws before changing anything.
 * Not thread-safe (one instance per command).
 */
public final class MemberLedger {
    /** Consumption order: earliest expiry first (never-expiring last), then oldest, then id. */
    public static final Comparator<Lot> FIFO = Comparator
            .comparing(Lot::expiresAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(Lot::earnedAt)
            .thenComparing(Lot::id);

    private MemberAccount account;
    private final Map<LedgerEntryId, Lot> lots = new LinkedHashMap<>();
    private final IdGenerator ids;
    private final String actor;
    private final List<LedgerEntry> written = new ArrayList<>();
    private final Set<LedgerEntryId> newLots = new LinkedHashSet<>();
    private final Set<LedgerEntryId> touchedLots = new LinkedHashSet<>();

    /**
     * @param account the account as stored
     * @param lots    at least every lot with points remaining, plus any lot a reversal will restore; a ledger
     *                used only to credit ({@link #earn}, {@link #adjustUp}) and {@link #expireDue} may be given
     *                just the lots due for expiry, since it never consumes other lots (the engine does this so
     *                an earn does not load all open lots of a busy account); such a ledger must not debit
     *                or reverse, because the lots it knows do not cover the balance
     */
    public MemberLedger(MemberAccount account, Collection<Lot> lots, IdGenerator ids, String actor) {
        this.account = Objects.requireNonNull(account, "account");
        for (Lot lot : lots) {
            this.lots.put(lot.id(), lot);
        }
        this.ids = Objects.requireNonNull(ids, "ids");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /** What a reversal did. */
    public record Reversal(@Nullable LedgerEntry entry, long reversed, long notRecovered) {
    }

    /** Makes more lots known (e.g. the emptied lots a redemption reversal restores); known lots are kept. */
    public void addLots(Collection<Lot> more) {
        for (Lot lot : more) {
            lots.putIfAbsent(lot.id(), lot);
        }
    }

    public MemberAccount account() {
        return account;
    }

    /** Lots known to this ledger with points remaining, in consumption order. */
    public List<Lot> openLots() {
        return lots.values().stream().filter(l -> l.remaining() > 0).sorted(FIFO).toList();
    }

    public @Nullable Lot lot(LedgerEntryId id) {
        return lots.get(id);
    }

    /** Entries written so far, in order. */
    public List<LedgerEntry> written() {
        return List.copyOf(written);
    }

    /** Lots created by this ledger's commands, in their current state. */
    public List<Lot> createdLots() {
        return newLots.stream().map(lots::get).toList();
    }

    /** Pre-existing lots whose {@code remaining} changed, in their current state. */
    public List<Lot> changedLots() {
        return touchedLots.stream().filter(id -> !newLots.contains(id)).map(lots::get).toList();
    }

    /** Credits an EARN lot of {@code points} (positive). */
    public LedgerEntry earn(long points, EarnReason reason, @Nullable Instant expiresAt, Instant at, IdempotencyKey key) {
        requirePositive(points);
        return credit(EntryKind.EARN, points, reason, null, expiresAt, at, key);
    }

    /** Credits an ADJUST lot of {@code points} (positive). */
    public LedgerEntry adjustUp(long points, String reason, @Nullable Instant expiresAt, Instant at, IdempotencyKey key) {
        requirePositive(points);
        return credit(EntryKind.ADJUST, points, null, reason, expiresAt, at, key);
    }

    /**
     * Takes {@code points} from the open lots FIFO, as a REDEEM or ADJUST entry.
     *
     * @throws InsufficientPointsException if the balance is smaller; nothing changes
     */
    public LedgerEntry debit(EntryKind kind, long points, @Nullable String note, Instant at, IdempotencyKey key) {
        if (kind != EntryKind.REDEEM && kind != EntryKind.ADJUST) {
            throw new IllegalArgumentException("debit kind must be REDEEM or ADJUST, was " + kind);
        }
        requirePositive(points);
        if (points > account.balance()) {
            throw new InsufficientPointsException(account.id(), account.balance(), points);
        }
        List<LotAllocation> allocations = takeFifo(points, null);
        return append(kind, -points, at, key, null, null, null, note, allocations);
    }

    /** Expires every open lot due at {@code now}: one EXPIRE entry per lot, under key {@code expire:<lot>:<seq>}. */
    public List<LedgerEntry> expireDue(Instant now) {
        List<LedgerEntry> out = new ArrayList<>();
        for (Lot lot : openLots()) {
            if (lot.isExpiredAt(now)) {
                long points = lot.remaining();
                setRemaining(lot, 0);
                IdempotencyKey key = IdempotencyKey.of("expire:" + lot.id() + ":" + (account.version() + 1));
                out.add(append(EntryKind.EXPIRE, -points, now, key, null, null, null, null,
                        List.of(new LotAllocation(lot.id(), points))));
            }
        }
        return out;
    }

    /**
     * Takes back {@code points} of an earn: from its own lot first, then from other open lots FIFO; what
     * the member no longer has is not recovered (balances never go negative).
     *
     * @param earn the EARN entry (or positive ADJUST) being reversed
     */
    public Reversal reverseEarn(LedgerEntry earn, long points, String reason, Instant at, IdempotencyKey key) {
        requirePositive(points);
        long take = Math.min(points, account.balance());
        if (take == 0) {
            return new Reversal(null, 0, points);
        }
        List<LotAllocation> allocations = takeFifo(take, earn.id());
        LedgerEntry entry = append(EntryKind.REVERSAL, -take, at, key, null, null, earn.id(), reason, allocations);
        return new Reversal(entry, take, points - take);
    }

    /**
     * Undoes a redemption: gives every consumed point back to the lot it came from, with that lot's
     * original expiry. A restored lot that is already past its expiry is expired by the next
     * {@link #expireDue} (the engine runs it right after).
     *
     * @throws IllegalStateException if a consumed lot is not loaded or would exceed its original size
     */
    public LedgerEntry reverseRedeem(LedgerEntry redeem, String reason, Instant at, IdempotencyKey key) {
        if (redeem.kind() != EntryKind.REDEEM) {
            throw new IllegalArgumentException("entry " + redeem.id() + " is not a redemption");
        }
        for (LotAllocation a : redeem.allocations()) {
            Lot lot = lots.get(a.lot());
            if (lot == null || lot.remaining() + a.points() > lot.original()) {
                throw new IllegalStateException("lot " + a.lot() + " cannot take back " + a.points() + " points");
            }
        }
        for (LotAllocation a : redeem.allocations()) {
            Lot lot = lots.get(a.lot());
            setRemaining(lot, lot.remaining() + a.points());
        }
        return append(EntryKind.REVERSAL, -redeem.delta(), at, key, null, null, redeem.id(), reason,
                redeem.allocations());
    }

    private LedgerEntry credit(EntryKind kind, long points, @Nullable EarnReason reason, @Nullable String note,
                               @Nullable Instant expiresAt, Instant at, IdempotencyKey key) {
        LedgerEntry entry = append(kind, points, at, key, reason, expiresAt, null, note, List.of());
        Lot lot = new Lot(entry.id(), account.tenant(), account.id(), points, points, at, expiresAt);
        lots.put(lot.id(), lot);
        newLots.add(lot.id());
        return entry;
    }

    /** Allocates {@code points} from open lots, {@code first} (if open) before the FIFO order; updates remaining. */
    private List<LotAllocation> takeFifo(long points, @Nullable LedgerEntryId first) {
        List<Lot> order = new ArrayList<>(openLots());
        if (first != null) {
            Lot own = lots.get(first);
            if (own != null && own.remaining() > 0) {
                order.remove(own);
                order.add(0, own);
            }
        }
        List<LotAllocation> out = new ArrayList<>();
        long left = points;
        for (Lot lot : order) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remaining());
            setRemaining(lot, lot.remaining() - take);
            out.add(new LotAllocation(lot.id(), take));
            left -= take;
        }
        if (left != 0) {
            // The balance equals the sum of open lots, so callers that checked the balance never get here.
            throw new IllegalStateException("account " + account.id() + " lots do not cover its balance");
        }
        return out;
    }

    private void setRemaining(Lot lot, long remaining) {
        lots.put(lot.id(), lot.withRemaining(remaining));
        touchedLots.add(lot.id());
    }

    private LedgerEntry append(EntryKind kind, long delta, Instant at, IdempotencyKey key, @Nullable EarnReason reason,
                               @Nullable Instant expiresAt, @Nullable LedgerEntryId reverses, @Nullable String note,
                               List<LotAllocation> allocations) {
        account = account.withBalance(Math.addExact(account.balance(), delta));
        LedgerEntry entry = new LedgerEntry(LedgerEntryId.of(ids.next()), account.tenant(), account.id(),
                account.version(), kind, delta, at, key, actor, reason, expiresAt, reverses, note, allocations);
        written.add(entry);
        return entry;
    }

    private static void requirePositive(long points) {
        if (points <= 0) {
            throw ValidationException.of("loyalty command", "points", "must be positive");
        }
    }
}
