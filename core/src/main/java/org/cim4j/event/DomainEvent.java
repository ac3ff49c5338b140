package org.cim4j.event;

import java.time.Instant;
import org.cim4j.TenantId;

/**
 * Something that happened to a tenant's data. Published synchronously, after the unit of work
 * that caused it committed, to listeners registered on {@link EventBus}. Events carry the records
 * involved, so listeners must treat them as personal data (do not log them).
 */
public interface DomainEvent {
    TenantId tenant();

    /** When it happened, by the engine's clock. */
    Instant occurredAt();

    /** Id of the principal whose call caused it. */
    String actor();
}
