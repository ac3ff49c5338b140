package org.cim4j.interaction;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import org.cim4j.Channel;
import org.cim4j.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * Input for {@link InteractionService#record(NewInteraction)}. Build with {@link #builder(CustomerId, InteractionType)}.
 *
 * @param customerId the customer (must exist and be active)
 * @param type       kind
 * @param channel    where
 * @param direction  who started it
 * @param occurredAt when; {@code null} means now (the engine's clock); not more than a day ahead
 * @param subject    up to 500 characters
 * @param notes      up to 10,000 characters
 * @param outcome    up to 100 characters
 * @param csat       1–5
 * @param nps        0–10
 * @param agent      up to 100 characters
 */
public record NewInteraction(
        @NotNull CustomerId customerId,
        @NotNull InteractionType type,
        @NotNull Channel channel,
        @NotNull Direction direction,
        @Nullable Instant occurredAt,
        @Nullable @Size(max = 500) String subject,
        @Nullable @Size(max = 10_000) String notes,
        @Nullable @Size(max = 100) String outcome,
        @Nullable @Min(1) @Max(5) Integer csat,
        @Nullable @Min(0) @Max(10) Integer nps,
        @Nullable @Size(max = 100) String agent) {

    public static Builder builder(CustomerId customerId, InteractionType type) {
        return new Builder(customerId, type);
    }

    /** Mutable builder with defaults: channel {@code phone} for calls else {@code app}, direction INBOUND. */
    public static final class Builder {
        private final CustomerId customerId;
        private final InteractionType type;
        private Channel channel;
        private Direction direction = Direction.INBOUND;
        private @Nullable Instant occurredAt;
        private @Nullable String subject;
        private @Nullable String notes;
        private @Nullable String outcome;
        private @Nullable Integer csat;
        private @Nullable Integer nps;
        private @Nullable String agent;

        private Builder(CustomerId customerId, InteractionType type) {
            this.customerId = Objects.requireNonNull(customerId, "customerId");
            this.type = Objects.requireNonNull(type, "type");
            this.channel = type.equals(InteractionType.CALL) ? Channel.PHONE : Channel.APP;
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Builder direction(Direction direction) {
            this.direction = direction;
            return this;
        }

        public Builder occurredAt(@Nullable Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder subject(@Nullable String subject) {
            this.subject = subject;
            return this;
        }

        public Builder notes(@Nullable String notes) {
            this.notes = notes;
            return this;
        }

        public Builder outcome(@Nullable String outcome) {
            this.outcome = outcome;
            return this;
        }

        public Builder csat(@Nullable Integer csat) {
            this.csat = csat;
            return this;
        }

        public Builder nps(@Nullable Integer nps) {
            this.nps = nps;
            return this;
        }

        public Builder agent(@Nullable String agent) {
            this.agent = agent;
            return this;
        }

        public NewInteraction build() {
            return new NewInteraction(customerId, type, channel, direction, occurredAt, subject, notes, outcome,
                    csat, nps, agent);
        }
    }

    @Override
    public String toString() {
        return "NewInteraction[customer=" + customerId + ", type=" + type + "]";
    }
}
