package org.cim4j.event;

import java.time.Instant;
import org.cim4j.TenantId;
import org.cim4j.customer.Customer;

/** Events about customer profiles. */
public final class CustomerEvents {
    private CustomerEvents() {
    }

    /** A customer was created. */
    public record CustomerCreated(TenantId tenant, Instant occurredAt, String actor, Customer customer)
            implements DomainEvent {
    }

    /** A customer's profile changed; {@code before} and {@code after} are the stored versions. */
    public record CustomerUpdated(TenantId tenant, Instant occurredAt, String actor, Customer before, Customer after)
            implements DomainEvent {
    }

    /** A customer was soft-deleted. */
    public record CustomerDeleted(TenantId tenant, Instant occurredAt, String actor, Customer customer)
            implements DomainEvent {
    }
}
