package org.cim4j.loyalty;

import java.time.Instant;
import java.util.Objects;
import org.cim4j.TenantId;

/**
 * A recorded tier movement of a member, kept as history so "why is she Gold" has an answer.
 *
 * @param tenant   owning tenant
 * @param account  member account
 * @param fromTier tier code before
 * @param toTier   tier code after (equal to {@code fromTier} for grace changes)
 * @param at       when it happened
 * @param reason   why
 * @param detail   machine-readable evidence, e.g. {@code "POINTS_EARNED=1200>=1000"}
 * @param actor    principal id of the command that caused it
 */
public record TierChange(TenantId tenant, MemberAccountId account, String fromTier, String toTier, Instant at,
                         TierChangeReason reason, String detail, String actor) {
    public TierChange {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(fromTier, "fromTier");
        Objects.requireNonNull(toTier, "toTier");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(actor, "actor");
    }
}
