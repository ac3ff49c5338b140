package org.cim4j.loyalty;

import java.time.Instant;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.cim4j.event.DomainEvent;

/**
 * Domain events of the loyalty module, published after the command's transaction committed (never
 * for a replayed command).
 */
public final class LoyaltyEvents {
    private LoyaltyEvents() {
    }

    /** A customer joined a program. */
    public record MemberEnrolled(TenantId tenant, Instant occurredAt, String actor, MemberAccount account)
            implements DomainEvent {
    }

    /** Points were earned (or added by a positive adjustment). */
    public record PointsEarned(TenantId tenant, Instant occurredAt, String actor, CustomerId customer,
                               LedgerEntry entry, Points balance) implements DomainEvent {
    }

    /** Points were redeemed. */
    public record PointsRedeemed(TenantId tenant, Instant occurredAt, String actor, CustomerId customer,
                                 LedgerEntry entry, Points balance) implements DomainEvent {
    }

    /** A lot expired. */
    public record PointsExpired(TenantId tenant, Instant occurredAt, String actor, CustomerId customer,
                                LedgerEntry entry, Points balance) implements DomainEvent {
    }

    /** An earn or redemption was reversed. */
    public record PointsReversed(TenantId tenant, Instant occurredAt, String actor, CustomerId customer,
                                 LedgerEntry entry, Points balance) implements DomainEvent {
    }

    /** A manual adjustment was made. */
    public record PointsAdjusted(TenantId tenant, Instant occurredAt, String actor, CustomerId customer,
                                 LedgerEntry entry, Points balance) implements DomainEvent {
    }

    /** A member's tier state changed (upgrade, downgrade or grace). */
    public record TierChanged(TenantId tenant, Instant occurredAt, String actor, CustomerId customer,
                              TierChange change) implements DomainEvent {
    }
}
