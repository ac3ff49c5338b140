package org.cim4j.interaction;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filter for a customer's timeline: types (empty means all) and a period {@code [from, to)} where a
 * null bound is open.
 */
public record InteractionQuery(Set<InteractionType> types, @Nullable Instant from, @Nullable Instant to) {
    public InteractionQuery {
        types = Set.copyOf(types);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** Every interaction. */
    public static InteractionQuery all() {
        return new InteractionQuery(Set.of(), null, null);
    }

    public static InteractionQuery ofTypes(InteractionType... types) {
        return new InteractionQuery(Set.of(types), null, null);
    }

    public InteractionQuery between(@Nullable Instant newFrom, @Nullable Instant newTo) {
        return new InteractionQuery(types, newFrom, newTo);
    }

    /** Whether {@code i} passes this filter (used by adapters without a query language). */
    public boolean matches(Interaction i) {
        return (types.isEmpty() || types.contains(i.type()))
                && (from == null || !i.occurredAt().isBefore(from))
                && (to == null || i.occurredAt().isBefore(to));
    }
}
