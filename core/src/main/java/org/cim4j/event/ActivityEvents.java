package org.cim4j.event;

import java.time.Instant;
import org.cim4j.TenantId;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.Purchase;
import org.cim4j.customer.CustomerId;
import org.cim4j.interaction.Interaction;
import org.cim4j.tag.TagId;

/** Events about interactions, purchases and tags: the behaviour automation reacts to. */
public final class ActivityEvents {
    private ActivityEvents() {
    }

    public record InteractionRecorded(TenantId tenant, Instant occurredAt, String actor, Interaction interaction)
            implements DomainEvent {
    }

    public record PurchaseRecorded(TenantId tenant, Instant occurredAt, String actor, Purchase purchase)
            implements DomainEvent {
    }

    /** A refund of {@code amount}; {@code purchase} is the purchase after it. */
    public record PurchaseRefunded(TenantId tenant, Instant occurredAt, String actor, Purchase purchase, Money amount)
            implements DomainEvent {
    }

    public record TagAssigned(TenantId tenant, Instant occurredAt, String actor, CustomerId customerId, TagId tag)
            implements DomainEvent {
    }

    public record TagUnassigned(TenantId tenant, Instant occurredAt, String actor, CustomerId customerId, TagId tag)
            implements DomainEvent {
    }
}
