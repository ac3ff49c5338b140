package org.cim4j.interaction;

import java.util.List;
import java.util.Optional;
import org.cim4j.NotFoundException;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.ValidationException;
import org.cim4j.customer.CustomerId;

/** Records and reads the interaction history of the caller's tenant. Thread-safe. */
public interface InteractionService {

    /**
     * Records one interaction.
     *
     * @throws ValidationException if the input is invalid; nothing is written
     * @throws NotFoundException   if the customer does not exist or is not active
     */
    Interaction record(NewInteraction interaction);

    /** Records many interactions atomically (all or none), using the adapter's bulk path if any. */
    List<Interaction> recordAll(List<NewInteraction> interactions);

    Optional<Interaction> find(InteractionId id);

    /**
     * A customer's interactions, newest first ({@code occurredAt} then id, descending).
     *
     * @throws NotFoundException if the customer does not exist
     */
    Page<Interaction> timeline(CustomerId customer, InteractionQuery query, PageRequest page);

    /** How many of the customer's interactions match. */
    long count(CustomerId customer, InteractionQuery query);
}
