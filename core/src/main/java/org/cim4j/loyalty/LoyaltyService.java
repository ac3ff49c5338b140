package org.cim4j.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cim4j.NotFoundException;
import org.cim4j.ValidationException;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * Loyalty programs and member points of the caller's tenant. Thread-safe.
 *
 * <p>Every command that changes points carries an {@link IdempotencyKey} (unique per tenant): the
 * first command with a key is applied and its result stored in the same transaction; replaying the
 * key returns that result with {@code replayed() == true} and changes nothing. A command that fails
 * writes nothing and stores no result, so its key may be used again. Reusing a key for a different
 * kind of command or another member fails with {@link ValidationException}.
 *
 * <p>Commands on one account are serialised by the storage adapter (an account row lock held until
 * the transaction ends), so concurrent earn, redeem, expire and reverse from any number of threads
 * or {@code Cim4j} instances on one database never lose an update, apply a key twice or make a
 * balance negative. Balances always equal the sum of the ledger.
 */
public interface LoyaltyService {

    /**
     * Creates or replaces a program. Existing lots keep their expiry; tier changes take effect at the
     * next evaluation.
     */
    LoyaltyProgram defineProgram(LoyaltyProgram program);

    Optional<LoyaltyProgram> findProgram(ProgramId id);

    /** Programs of the tenant, ordered by id. */
    List<LoyaltyProgram> programs();

    /**
     * Enrols a customer in the entry tier and awards a {@link EarnEvent#SIGN_UP} bonus if the program has
     * one. Enrolling an enrolled customer returns the existing account and awards nothing.
     *
     * @throws NotFoundException if the program or an active customer does not exist
     */
    MemberAccount enrol(ProgramId program, CustomerId customer);

    Optional<MemberAccount> findAccount(ProgramId program, CustomerId customer);

    /** @throws NotFoundException if the customer is not enrolled (or the program does not exist) */
    MemberAccount account(ProgramId program, CustomerId customer);

    /**
     * Credits {@code points} (not multiplied, no caps) as a new lot expiring by the program policy,
     * enrolling the customer first if needed. Upgrades the tier if the member now qualifies.
     *
     * @throws ValidationException if {@code points} is zero or the key was used for another command
     * @throws NotFoundException   if the program or an active customer does not exist
     */
    EarnResult earn(ProgramId program, CustomerId customer, Points points, EarnReason reason, IdempotencyKey key);

    /** {@link #earn(ProgramId, CustomerId, Points, EarnReason, IdempotencyKey)} in {@link ProgramId#DEFAULT}. */
    default EarnResult earn(CustomerId customer, Points points, EarnReason reason, IdempotencyKey key) {
        return earn(ProgramId.DEFAULT, customer, points, reason, key);
    }

    /**
     * Earns by the program's rules for a recorded purchase (base points, multipliers, tier multiplier,
     * caps). With {@link LoyaltyProgram#earnOnPurchase()} the engine calls this itself with key
     * {@code "purchase:<programId>:<purchaseId>"}; refunds are reversed under {@code "refund:<programId>:<purchaseId>:<version>"}.
     *
     * @throws NotFoundException if the program or purchase does not exist
     */
    EarnResult earnForPurchase(ProgramId program, PurchaseId purchase, IdempotencyKey key);

    /**
     * Earns the program's fixed bonus for {@code event} (subject to the daily cap); earns nothing if
     * the program has no bonus for it.
     */
    EarnResult earnForEvent(ProgramId program, CustomerId customer, EarnEvent event, IdempotencyKey key);

    /**
     * Spends points, consuming lots FIFO by expiry date, then by age.
     *
     * @param orderReference order the points pay for, shown on statements, or {@code null}
     * @throws InsufficientPointsException if the member has fewer points; nothing is written
     * @throws ValidationException         if outside the program's redemption minimum/maximum
     * @throws NotFoundException           if the customer is not enrolled
     */
    RedeemResult redeem(ProgramId program, CustomerId customer, Points points, @Nullable String orderReference,
                        IdempotencyKey key);

    /**
     * Undoes an EARN entry (taking back up to {@code points} of it; {@code null} for all that is not yet
     * reversed) or a REDEEM entry (always fully, restoring the consumed lots with their original expiry).
     * An earn reversal takes points from the earned lot first, then from other lots FIFO; points the
     * member no longer has are reported as {@link ReversalResult#notRecovered()}.
     *
     * @throws ValidationException if the entry is not an EARN or REDEEM entry of this member, is already
     *                             fully reversed, or {@code points} exceeds what is left to reverse
     * @throws NotFoundException   if the member or entry does not exist
     */
    ReversalResult reverse(ProgramId program, CustomerId customer, LedgerEntryId entry,
                           @Nullable Points points, String reason, IdempotencyKey key);

    /**
     * A manual correction: a positive {@code delta} adds a lot (program expiry), a negative one consumes
     * lots FIFO. The reason and the caller's principal id are recorded.
     *
     * @throws InsufficientPointsException if a debit exceeds the balance; nothing is written
     * @throws ValidationException         if {@code delta} is 0 or the reason is blank
     */
    AdjustmentResult adjust(ProgramId program, CustomerId customer, long delta, String reason, IdempotencyKey key);

    /**
     * Expires every lot of the member whose expiry is at or before now. Naturally idempotent (each lot
     * expires once, under key {@code "expire:<lotId>"}), so concurrent runs are safe.
     */
    ExpiryResult expire(ProgramId program, CustomerId customer);

    /** {@link #expire(ProgramId, CustomerId)} for every member of the program. */
    ExpiryResult expireAll(ProgramId program);

    /** Upgrades the member if they qualify for a higher tier now; never downgrades. */
    TierEvaluation evaluateTier(ProgramId program, CustomerId customer);

    /**
     * Period-end evaluation of one member: upgrades if qualified; if the member no longer qualifies for
     * their tier, starts the grace period (when the policy has one and none is running) or downgrades
     * to the tier they qualify for once grace is over.
     */
    TierEvaluation evaluatePeriodEnd(ProgramId program, CustomerId customer);

    /** {@link #evaluatePeriodEnd(ProgramId, CustomerId)} for every member; returns the changes made. */
    List<TierChange> evaluatePeriodEndAll(ProgramId program);

    /** The member's tier history, oldest first. */
    List<TierChange> tierHistory(ProgramId program, CustomerId customer);

    /** The benefits of the member's current tier. */
    TierBenefits benefits(ProgramId program, CustomerId customer);

    /** Current balance. @throws NotFoundException if the customer is not enrolled */
    Points balance(ProgramId program, CustomerId customer);

    /** The full ledger, in order. */
    List<LedgerEntry> ledger(ProgramId program, CustomerId customer);

    /**
     * The ledger in {@code [from, to)} with opening, running and closing balances.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    Statement statement(ProgramId program, CustomerId customer, Instant from, Instant to);

    /** Which lots make up the balance and what expires when. */
    BalanceExplanation explainBalance(ProgramId program, CustomerId customer);

    /** Which activity put the member in their tier and what is missing for the next. */
    TierExplanation explainTier(ProgramId program, CustomerId customer);
}
