package org.cim4j.loyalty;

import java.time.Instant;
import java.util.Objects;
import org.cim4j.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A batch of points earned together, with its own expiry. Redemptions and expiry take points out of
 * lots; {@code remaining} is the only mutable ledger state, always between 0 and {@code original}.
 *
 * @param id        the id of the ledger entry that created the lot
 * @param tenant    owning tenant
 * @param account   member account
 * @param original  points the lot was created with, positive
 * @param remaining points still available
 * @param earnedAt  when it was created
 * @param expiresAt when its remaining points expire, {@code null} for never
 */
public record Lot(LedgerEntryId id, TenantId tenant, MemberAccountId account, long original, long remaining,
                  Instant earnedAt, @Nullable Instant expiresAt) {
    public Lot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(earnedAt, "earnedAt");
        if (original <= 0 || remaining < 0 || remaining > original) {
            throw new IllegalArgumentException("lot " + id + " needs 0 <= remaining <= original and original > 0");
        }
    }

    public Lot withRemaining(long newRemaining) {
        return new Lot(id, tenant, account, original, newRemaining, earnedAt, expiresAt);
    }

    /** Whether its points have expired at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
