package org.cim4j.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.TenantId;
import org.cim4j.VersionConflictException;
import org.cim4j.customer.CustomerId;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.Lot;
import org.cim4j.loyalty.MemberAccount;
import org.cim4j.loyalty.MemberAccountId;
import org.cim4j.loyalty.ProgramId;
import org.cim4j.loyalty.TierChange;
import org.jspecify.annotations.Nullable;

/**
 * Loyalty persistence: programs, member accounts, the append-only ledger, lots, idempotency records
 * and tier history. Every method is scoped to one tenant.
 *
 * <p><b>Concurrency design (pessimistic, per account).</b> The engine runs every command that changes an
 * account as: {@link #lockAccount} (first statement) → read program, lots, command record → compute → append entries, insert or
 * update lots, {@link #updateAccount}, {@link #insertCommand} → commit. {@code lockAccount} must hold an
 * exclusive lock on the account until the transaction ends (JDBC: {@code SELECT … FOR UPDATE} on the
 * account row; memory: write transactions are already serialised), so commands on one hot account queue
 * up instead of retry-storming, while different accounts proceed in parallel. {@link #updateAccount}
 * additionally checks the version as a safety net. {@link #insertCommand} must enforce uniqueness of
 * {@code (tenant, key)} (a unique constraint) so two commands with one key on different accounts cannot
 * both commit; the engine treats the {@link DuplicateException} as "replayed".
 *
 * <p>Rows are never updated or deleted except {@link Lot#remaining()} (via {@link #updateLotRemaining}) and
 * the account row (balance cache, tier state, version).
 */
public interface LoyaltyStore {

    /** Inserts or replaces the program {@code program.id()} of the tenant. */
    void saveProgram(TenantId tenant, LoyaltyProgram program);

    Optional<LoyaltyProgram> findProgram(TenantId tenant, ProgramId id);

    /** The tenant's programs ordered by id. */
    List<LoyaltyProgram> programs(TenantId tenant);

    /**
     * Stores a new account.
     *
     * @throws DuplicateException (key {@code "customer"}, naming the existing account id) if the customer
     *                            already has an account in the program
     */
    void insertAccount(MemberAccount account);

    Optional<MemberAccount> findAccount(TenantId tenant, ProgramId program, CustomerId customer);

    /**
     * Reads the customer's account in the program and locks it exclusively until the current transaction
     * ends; other transactions calling {@code lockAccount} on it wait. Only called in read-write
     * transactions, and always as the <em>first</em> store call of the transaction, so that every read
     * after it sees all data committed before the lock was granted (true under READ COMMITTED, and under
     * InnoDB REPEATABLE READ because the snapshot starts at the first non-locking read; under PostgreSQL
     * REPEATABLE READ or SERIALIZABLE a concurrent change surfaces as a serialization failure, which the
     * adapter reports as {@link org.cim4j.TransientStorageException} and retries).
     */
    Optional<MemberAccount> lockAccount(TenantId tenant, ProgramId program, CustomerId customer);

    /**
     * Replaces an account if its stored version is {@code expectedVersion}.
     *
     * @throws VersionConflictException if the stored version differs
     * @throws NotFoundException        if there is no such account
     */
    void updateAccount(MemberAccount account, long expectedVersion);

    /** Accounts of a program ordered by id, strictly after {@code after}, at most {@code limit}. */
    List<MemberAccount> accounts(TenantId tenant, ProgramId program, @Nullable MemberAccountId after, int limit);

    /**
     * Appends an entry; entries are immutable afterwards.
     *
     * @throws DuplicateException if the id, or the {@code (account, sequence)} pair, exists
     */
    void appendEntry(LedgerEntry entry);

    /** All entries of an account ordered by sequence. */
    List<LedgerEntry> entries(TenantId tenant, MemberAccountId account);

    /**
     * Entries of an account with {@code at >= from}, ordered by sequence. The default filters
     * {@link #entries}; adapters with an index on {@code (account, at)} should override it, since the
     * engine calls it on every earn (tier window, daily cap).
     */
    default List<LedgerEntry> entriesSince(TenantId tenant, MemberAccountId account, Instant from) {
        return entries(tenant, account).stream().filter(e -> !e.at().isBefore(from)).toList();
    }

    /**
     * Sums of the account's entries with {@code from <= at < to} (see {@link LedgerTotals} for what each sum
     * counts). The engine calls it under the account lock on every earn (tier upgrade over the
     * qualification window, daily cap over the day), so its cost should not grow with the account's
     * history: adapters should override it with an aggregate over an {@code (account, at)} index. The
     * default sums {@link #entriesSince}, so existing adapters keep working unchanged.
     */
    default LedgerTotals ledgerTotals(TenantId tenant, MemberAccountId account, Instant from, Instant to) {
        return LedgerTotals.of(entriesSince(tenant, account, from), from, to);
    }

    Optional<LedgerEntry> findEntry(TenantId tenant, LedgerEntryId id);

    /** REVERSAL entries whose {@code reverses} is {@code entry}, ordered by sequence. */
    List<LedgerEntry> reversalsOf(TenantId tenant, LedgerEntryId entry);

    /** @throws DuplicateException if a lot with this id exists */
    void insertLot(Lot lot);

    /**
     * Sets a lot's remaining points (the only change a lot ever sees).
     *
     * @throws NotFoundException        if there is no such lot
     * @throws IllegalArgumentException if {@code remaining} is outside {@code [0, original]}
     */
    void updateLotRemaining(TenantId tenant, LedgerEntryId lot, long remaining);

    Optional<Lot> findLot(TenantId tenant, LedgerEntryId lot);

    /** Lots of the account with {@code remaining > 0}, any order. */
    List<Lot> openLots(TenantId tenant, MemberAccountId account);

    /**
     * Lots of the account with {@code remaining > 0} that are expired at {@code at}
     * ({@code expiresAt <= at}; never-expiring lots are not), any order. Commands that only credit points
     * need no other lots (they create their own lot and expire the due ones), so the engine asks for these
     * instead of all {@link #openLots}, which on a busy account that earns more than it spends grow without
     * bound. Adapters should override it with an indexed query; the default filters {@link #openLots}.
     */
    default List<Lot> dueLots(TenantId tenant, MemberAccountId account, Instant at) {
        return openLots(tenant, account).stream().filter(l -> l.isExpiredAt(at)).toList();
    }

    /** The stored first result of the command with this key, if any. */
    Optional<LoyaltyCommandRecord> findCommand(TenantId tenant, IdempotencyKey key);

    /** @throws DuplicateException (key {@code "idempotencyKey"}) if the key is already recorded */
    void insertCommand(LoyaltyCommandRecord record);

    /** Appends a tier change to the account's history. */
    void appendTierChange(TierChange change);

    /** Tier history of an account, in insertion order. */
    List<TierChange> tierHistory(TenantId tenant, MemberAccountId account);
}
