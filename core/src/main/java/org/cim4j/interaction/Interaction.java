package org.cim4j.interaction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.cim4j.Channel;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * One contact with a customer: a call, an e-mail, a complaint, a survey answer, a page view.
 * Append-only: interactions are recorded, never changed.
 *
 * @param id         id
 * @param tenant     owning tenant
 * @param customerId the customer
 * @param type       kind of interaction
 * @param channel    where it happened
 * @param direction  who started it
 * @param occurredAt when it happened (microsecond precision)
 * @param subject    short subject line, if any
 * @param notes      free text, if any
 * @param outcome    result code such as {@code resolved} or {@code callback}, if any
 * @param csat       customer satisfaction 1–5, if asked
 * @param nps        net-promoter answer 0–10, if asked
 * @param agent      id of the employee or bot that handled it, if any
 * @param recordedAt when cim4j stored it
 */
public record Interaction(InteractionId id, TenantId tenant, CustomerId customerId, InteractionType type,
                          Channel channel, Direction direction, Instant occurredAt, @Nullable String subject,
                          @Nullable String notes, @Nullable String outcome, @Nullable Integer csat,
                          @Nullable Integer nps, @Nullable String agent, Instant recordedAt) {
    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (csat != null && (csat < 1 || csat > 5)) {
            throw new IllegalArgumentException("csat must be 1-5, was " + csat);
        }
        if (nps != null && (nps < 0 || nps > 10)) {
            throw new IllegalArgumentException("nps must be 0-10, was " + nps);
        }
    }

    public Optional<Integer> csatScore() {
        return Optional.ofNullable(csat);
    }

    public Optional<Integer> npsScore() {
        return Optional.ofNullable(nps);
    }

    @Override
    public String toString() {
        return "Interaction[id=" + id + ", customer=" + customerId + ", type=" + type + ", at=" + occurredAt + "]";
    }
}
