package org.cim4j.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.cim4j.TenantId;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionId;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;

/** All data of one {@link InMemoryStorage}, partitioned by tenant. Guarded by the storage's lock. */
final class MemoryData {
    // Concurrent because read-only units (which share the read lock) may create a tenant's empty partition.
    private final Map<TenantId, TenantData> tenants = new ConcurrentHashMap<>();

    /** The tenant's partition, created empty on first use (creation needs no undo: empty equals absent). */
    TenantData tenant(TenantId tenant) {
        return tenants.computeIfAbsent(tenant, t -> new TenantData());
    }

    /** Newest first: occurredAt descending, then id descending. */
    static final Comparator<Interaction> NEWEST_INTERACTION_FIRST =
            Comparator.comparing(Interaction::occurredAt).thenComparing(Interaction::id).reversed();

    /** One tenant's records and indexes. */
    static final class TenantData {
        final TreeMap<CustomerId, Customer> customers = new TreeMap<>();
        /** Unique keys of active customers: see {@link MemoryCustomerStore#uniqueKeys(Customer)}. */
        final Map<String, CustomerId> uniqueKeys = new HashMap<>();
        final Map<InteractionId, Interaction> interactions = new HashMap<>();
        final Map<CustomerId, TreeSet<Interaction>> timelines = new HashMap<>();
        final Map<PurchaseId, Purchase> purchases = new HashMap<>();
        final Map<String, PurchaseId> orders = new HashMap<>();
        final Map<CustomerId, List<PurchaseId>> purchasesByCustomer = new HashMap<>();
        final Map<TagId, Tag> tags = new HashMap<>();
        final MemoryLoyaltyData loyalty = new MemoryLoyaltyData();

        /** The customer's timeline for reading (possibly a shared empty set: do not modify). */
        NavigableSet<Interaction> timeline(CustomerId customer) {
            NavigableSet<Interaction> set = timelines.get(customer);
            return set != null ? set : Collections.emptyNavigableSet();
        }

        /** The customer's timeline for writing, created on first use. */
        TreeSet<Interaction> writableTimeline(CustomerId customer) {
            return timelines.computeIfAbsent(customer, c -> new TreeSet<>(NEWEST_INTERACTION_FIRST));
        }

        /** The customer's purchase ids for reading (possibly a shared empty list: do not modify). */
        List<PurchaseId> purchasesOf(CustomerId customer) {
            return purchasesByCustomer.getOrDefault(customer, List.of());
        }

        /** The customer's purchase ids for writing, created on first use. */
        List<PurchaseId> writablePurchasesOf(CustomerId customer) {
            return purchasesByCustomer.computeIfAbsent(customer, c -> new ArrayList<>());
        }
    }
}
