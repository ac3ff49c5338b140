package org.cim4j.loyalty;

import java.time.Instant;
import java.util.Objects;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * A customer's membership in one program: the cached balance and the current tier. The balance is a
 * cache of the ledger sum, updated in the same transaction as every ledger append.
 *
 * @param id          id
 * @param tenant      owning tenant
 * @param program     program
 * @param customer    member; one account per customer and program
 * @param enrolledAt  enrolment time
 * @param balance     current balance, never negative
 * @param tier        code of the current tier
 * @param tierSince   when the current tier was entered
 * @param graceUntil  end of a downgrade grace period the member is in, or {@code null}
 * @param version     incremented by every change; also the source of ledger sequence numbers
 */
public record MemberAccount(MemberAccountId id, TenantId tenant, ProgramId program, CustomerId customer,
                            Instant enrolledAt, long balance, String tier, Instant tierSince,
                            @Nullable Instant graceUntil, long version) {
    public MemberAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(tierSince, "tierSince");
        if (balance < 0) {
            throw new IllegalArgumentException("balance of account " + id + " must not be negative");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }

    /** The balance as points. */
    public Points points() {
        return Points.of(balance);
    }

    /** Copy with a new balance and version + 1. */
    public MemberAccount withBalance(long newBalance) {
        return new MemberAccount(id, tenant, program, customer, enrolledAt, newBalance, tier, tierSince, graceUntil,
                version + 1);
    }

    /** Copy with a new tier state and version + 1. */
    public MemberAccount withTier(String newTier, Instant since, @Nullable Instant newGraceUntil) {
        return new MemberAccount(id, tenant, program, customer, enrolledAt, balance, newTier, since, newGraceUntil,
                version + 1);
    }
}
