package org.cim4j.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.TenantId;
import org.cim4j.VersionConflictException;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.spi.CustomerKeyset;
import org.cim4j.spi.CustomerStore;
import org.jspecify.annotations.Nullable;

/** {@link CustomerStore} over {@link MemoryData}; queries scan the tenant's customers in id order. */
final class MemoryCustomerStore implements CustomerStore {
    private final MemoryTransaction tx;

    MemoryCustomerStore(MemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Customer> findById(TenantId tenant, CustomerId id) {
        return Optional.ofNullable(tx.read(tenant).customers.get(id));
    }

    @Override
    public List<Customer> findByContact(TenantId tenant, ContactType type, String value) {
        List<Customer> found = new ArrayList<>();
        for (Customer c : tx.read(tenant).customers.values()) {
            if (c.isActive() && c.contacts().stream().anyMatch(p -> p.type().equals(type) && p.value().equals(value))) {
                found.add(c);
            }
        }
        return found;
    }

    @Override
    public Optional<Customer> findByExternalId(TenantId tenant, ExternalId externalId) {
        MemoryData.TenantData t = tx.read(tenant);
        CustomerId holder = t.uniqueKeys.get(externalIdKey(externalId));
        return holder == null ? Optional.empty() : Optional.of(t.customers.get(holder));
    }

    @Override
    public void insert(Customer customer) {
        MemoryData.TenantData t = tx.write(customer.tenant());
        if (t.customers.containsKey(customer.id())) {
            throw new DuplicateException("customer", "id", customer.id().toString());
        }
        checkKeys(t, customer);
        claimKeys(t, customer);
        tx.put(t.customers, customer.id(), customer);
    }

    @Override
    public void update(Customer customer) {
        MemoryData.TenantData t = tx.write(customer.tenant());
        Customer stored = t.customers.get(customer.id());
        if (stored == null) {
            throw new NotFoundException("customer", customer.id().toString());
        }
        if (stored.version() != customer.version() - 1) {
            throw new VersionConflictException("customer", customer.id().toString(), customer.version() - 1);
        }
        checkKeys(t, customer);
        releaseKeys(t, stored);
        claimKeys(t, customer);
        tx.put(t.customers, customer.id(), customer);
    }

    @Override
    public List<Customer> query(TenantId tenant, CustomerQuery query, @Nullable CustomerKeyset after, int limit) {
        Comparator<Customer> order = MemoryQueries.order(query.sort());
        Predicate<Customer> matches = MemoryQueries.matcher(query);
        List<Customer> hits = new ArrayList<>();
        for (Customer c : tx.read(tenant).customers.values()) {
            if (matches.test(c) && (after == null || MemoryQueries.isAfter(c, after, query.sort()))) {
                hits.add(c);
            }
        }
        hits.sort(order);
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    @Override
    public long count(TenantId tenant, CustomerQuery query) {
        Predicate<Customer> matches = MemoryQueries.matcher(query);
        return tx.read(tenant).customers.values().stream().filter(matches).count();
    }

    /** The unique keys a customer holds: its external ids and primary contacts, only while ACTIVE. */
    static Set<String> uniqueKeys(Customer customer) {
        if (customer.status() != CustomerStatus.ACTIVE) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        customer.externalIds().forEach(id -> keys.add(externalIdKey(id)));
        for (ContactPoint p : customer.contacts()) {
            if (p.primary()) {
                keys.add(contactKey(p.type(), p.value()));
            }
        }
        return keys;
    }

    private static String externalIdKey(ExternalId id) {
        return "ext\u0000" + id.key();
    }

    private static String contactKey(ContactType type, String value) {
        return "contact\u0000" + type.code() + "\u0000" + value;
    }

    /** Fails, before anything changes, if another customer holds one of the keys. */
    private static void checkKeys(MemoryData.TenantData t, Customer customer) {
        for (String key : uniqueKeys(customer)) {
            CustomerId holder = t.uniqueKeys.get(key);
            if (holder != null && !holder.equals(customer.id())) {
                throw new DuplicateException("customer", key.startsWith("ext") ? "externalId" : "primaryContact",
                        holder.toString());
            }
        }
    }

    private void claimKeys(MemoryData.TenantData t, Customer customer) {
        for (String key : uniqueKeys(customer)) {
            tx.put(t.uniqueKeys, key, customer.id());
        }
    }

    private void releaseKeys(MemoryData.TenantData t, Customer stored) {
        for (String key : uniqueKeys(stored)) {
            tx.remove(t.uniqueKeys, key);
        }
    }
}
