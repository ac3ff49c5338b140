package org.cim4j.tag;

import java.util.List;
import java.util.Optional;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.ValidationException;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;

/** Tags of the caller's tenant and their assignment to customers. Thread-safe. */
public interface TagService {

    /**
     * @throws ValidationException if the input is invalid
     * @throws DuplicateException  if the name is taken; names the existing tag
     */
    Tag create(NewTag tag);

    Optional<Tag> find(TagId id);

    /** @throws NotFoundException if there is no such tag */
    Tag get(TagId id);

    Optional<Tag> findByName(String name);

    /** All tags, by name. */
    List<Tag> list();

    /**
     * Assigns a tag; assigning an assigned tag changes nothing. Safe under concurrent updates of
     * the customer (retries on version conflicts internally, since the operation is idempotent).
     *
     * @return the customer as stored afterwards
     * @throws NotFoundException   if the customer or the tag does not exist
     * @throws ValidationException if the customer is not active
     */
    Customer assign(CustomerId customer, TagId tag);

    /** Removes a tag; removing an absent tag changes nothing. Same guarantees as {@link #assign}. */
    Customer unassign(CustomerId customer, TagId tag);

    /** Active customers with the tag, oldest first. */
    Page<Customer> customersWith(TagId tag, PageRequest page);
}
