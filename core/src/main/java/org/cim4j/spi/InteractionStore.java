package org.cim4j.spi;

import java.util.List;
import java.util.Optional;
import org.cim4j.DuplicateException;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionId;
import org.cim4j.interaction.InteractionQuery;
import org.jspecify.annotations.Nullable;

/** Append-only interaction log. */
public interface InteractionStore {

    /** @throws DuplicateException if the id exists */
    void insert(Interaction interaction);

    /** Bulk form of {@link #insert}; batched by adapters with {@link Capability#BULK_LOAD}. */
    default void insertAll(List<Interaction> interactions) {
        interactions.forEach(this::insert);
    }

    Optional<Interaction> findById(TenantId tenant, InteractionId id);

    /**
     * The customer's interactions matching {@code query}, newest first by {@code (occurredAt, id)}
     * descending, strictly before {@code before} (or from the newest), at most {@code limit}.
     */
    List<Interaction> timeline(TenantId tenant, CustomerId customer, InteractionQuery query,
                               @Nullable TimeKeyset before, int limit);

    long count(TenantId tenant, CustomerId customer, InteractionQuery query);
}
