package org.cim4j.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Position in a newest-first history (interactions, purchases): the time and id of the last item
 * returned. The next page holds items strictly before it in {@code (at, id)} descending order.
 *
 * @param at the item's occurredAt
 * @param id the item's id value
 */
public record TimeKeyset(Instant at, UUID id) {
    public TimeKeyset {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }
}
