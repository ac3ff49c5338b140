package org.cim4j.spi;

import java.util.List;
import java.util.Optional;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.TenantId;
import org.cim4j.VersionConflictException;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.ExternalId;
import org.jspecify.annotations.Nullable;

/**
 * Customer persistence. Records arrive validated and normalised; the store keeps them exactly
 * (what {@code insert} got, {@code findById} returns, equal by {@code equals}).
 *
 * <p>Unique keys, enforced by the store even under concurrent writers, among the tenant's
 * {@link org.cim4j.customer.CustomerStatus#ACTIVE ACTIVE} customers only: each external id key;
 * each {@code (type, value)} of a <em>primary</em> contact point. A clash raises
 * {@link DuplicateException} with key {@code "externalId"} or {@code "primaryContact"} and, when the
 * store can tell, the holder's id.
 */
public interface CustomerStore {

    Optional<Customer> findById(TenantId tenant, CustomerId id);

    /**
     * Active customers having a contact point (primary or not) with exactly this type and
     * normalised value, ordered by id.
     */
    List<Customer> findByContact(TenantId tenant, ContactType type, String value);

    /** The active customer holding this external id. */
    Optional<Customer> findByExternalId(TenantId tenant, ExternalId externalId);

    /**
     * Stores a new customer (version 1).
     *
     * @throws DuplicateException if the id exists or a unique key clashes
     */
    void insert(Customer customer);

    /**
     * Stores many new customers; same contract as {@link #insert} for each. Adapters with
     * {@link Capability#BULK_LOAD} batch this.
     */
    default void insertAll(List<Customer> customers) {
        customers.forEach(this::insert);
    }

    /**
     * Replaces a stored customer if its stored version is {@code customer.version() - 1}.
     *
     * @throws VersionConflictException if the stored version differs
     * @throws NotFoundException        if there is no such customer in the tenant
     * @throws DuplicateException       if a unique key clashes
     */
    void update(Customer customer);

    /**
     * Customers matching {@code query}, in its sort order, strictly after {@code after} (or from the
     * start), at most {@code limit}. Never loads non-matching customers to filter them in memory
     * where the store can filter.
     */
    List<Customer> query(TenantId tenant, CustomerQuery query, @Nullable CustomerKeyset after, int limit);

    /** Number of customers matching {@code query}. */
    long count(TenantId tenant, CustomerQuery query);
}
