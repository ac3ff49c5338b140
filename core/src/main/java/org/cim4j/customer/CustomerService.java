package org.cim4j.customer;

import java.util.List;
import java.util.Optional;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.ValidationException;
import org.cim4j.VersionConflictException;

/**
 * Customer profiles of the calling principal's tenant. Thread-safe. Every write is atomic: it
 * either fully happens (and then publishes its event after commit) or leaves storage as it was.
 */
public interface CustomerService {

    /**
     * Creates a customer after validating and normalising the input.
     *
     * @throws ValidationException if any field is invalid; nothing is written
     * @throws DuplicateException  if an active customer already has one of the external ids or the
     *                             same normalised primary e-mail or phone; names the existing id
     * @throws NotFoundException   if a tag to assign does not exist
     */
    Customer create(NewCustomer customer);

    /**
     * Creates many customers in one unit of work: all of them or none. Uses the adapter's bulk
     * path where it has one.
     *
     * @throws ValidationException listing violations of every invalid element (paths start with
     *                             {@code [index]}); nothing is written
     * @throws DuplicateException  if any element clashes with an existing customer or another element
     */
    List<Customer> createAll(List<NewCustomer> customers);

    /** The customer with this id, in any status. */
    Optional<Customer> find(CustomerId id);

    /**
     * The customer with this id, in any status.
     *
     * @throws NotFoundException if there is none in the caller's tenant
     */
    Customer get(CustomerId id);

    /**
     * Stores the changed profile fields of {@code changed} (stage, person, contacts, addresses,
     * source channel, external ids, attributes, tags) if the stored version still equals
     * {@code changed.version()}. Id, tenant, status and timestamps are not taken from the argument.
     *
     * @return the stored customer, with version + 1
     * @throws VersionConflictException if someone else updated the customer since it was read
     * @throws NotFoundException        if the customer does not exist
     * @throws ValidationException      if a changed field is invalid or the customer is not active
     * @throws DuplicateException       if a new external id or primary contact belongs to another customer
     */
    Customer update(Customer changed);

    /**
     * Soft-deletes: status becomes {@link CustomerStatus#DELETED}, the record stays resolvable by
     * id, drops out of queries, and releases its external ids and primary contacts. Deleting a
     * deleted customer returns it unchanged.
     *
     * @throws NotFoundException if the customer does not exist
     */
    Customer delete(CustomerId id);

    /** One page of customers matching the query, in its order. */
    Page<Customer> find(CustomerQuery query, PageRequest page);

    /** How many customers match the query. */
    long count(CustomerQuery query);

    /**
     * Active customers with a contact point of this type whose normalised value equals the
     * normalised {@code value}, oldest first. Usually zero or one.
     *
     * @throws ValidationException if the value cannot be normalised (e.g. not a phone number)
     */
    List<Customer> findByContact(ContactType type, String value);

    /** The active customer holding this external id, if any. */
    Optional<Customer> findByExternalId(ExternalId externalId);
}
