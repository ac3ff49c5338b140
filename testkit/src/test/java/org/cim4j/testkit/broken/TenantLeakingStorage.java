package org.cim4j.testkit.broken;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.cim4j.Channel;
import org.cim4j.TenantId;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.ExternalId;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionId;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.spi.CustomerKeyset;
import org.cim4j.spi.CustomerStore;
import org.cim4j.spi.InteractionStore;
import org.cim4j.spi.PurchaseStore;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.Stores;
import org.cim4j.spi.TagStore;
import org.cim4j.spi.TimeKeyset;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;
import org.cim4j.testkit.ReferenceModel;
import org.jspecify.annotations.Nullable;

/**
 * Broken on purpose: reads forget the tenant filter (as a SQL adapter missing {@code AND tenant = ?}
 * would). Lookups fall back to any tenant, queries, counts, lists and histories span all tenants.
 * Writes stay correct.
 */
final class TenantLeakingStorage extends ForwardingStorage {
    private final Set<TenantId> tenants = ConcurrentHashMap.newKeySet();

    TenantLeakingStorage(StorageProvider delegate) {
        super(delegate);
    }

    private <T> Optional<T> anyTenant(TenantId first, Function<TenantId, Optional<T>> find) {
        Optional<T> own = find.apply(first);
        if (own.isPresent()) {
            return own;
        }
        for (TenantId t : tenants) {
            Optional<T> other = find.apply(t);
            if (other.isPresent()) {
                return other;
            }
        }
        return Optional.empty();
    }

    private <T> List<T> allTenants(TenantId first, Function<TenantId, List<T>> list) {
        List<T> out = new ArrayList<>(list.apply(first));
        for (TenantId t : tenants) {
            if (!t.equals(first)) {
                out.addAll(list.apply(t));
            }
        }
        return out;
    }

    @Override
    protected Stores wrap(Stores stores) {
        return new ForwardingStores(stores) {
            @Override
            public CustomerStore customers() {
                CustomerStore d = stores.customers();
                return new ForwardingCustomerStore(d) {
                    @Override
                    public void insert(Customer c) {
                        tenants.add(c.tenant());
                        d.insert(c);
                    }

                    @Override
                    public Optional<Customer> findById(TenantId tenant, CustomerId id) {
                        return anyTenant(tenant, t -> d.findById(t, id));
                    }

                    @Override
                    public List<Customer> findByContact(TenantId tenant, ContactType type, String value) {
                        return allTenants(tenant, t -> d.findByContact(t, type, value));
                    }

                    @Override
                    public Optional<Customer> findByExternalId(TenantId tenant, ExternalId externalId) {
                        return anyTenant(tenant, t -> d.findByExternalId(t, externalId));
                    }

                    @Override
                    public List<Customer> query(TenantId tenant, CustomerQuery q, @Nullable CustomerKeyset after, int limit) {
                        return allTenants(tenant, t -> d.query(t, q, after, limit)).stream()
                                .sorted(ReferenceModel.order(q.sort())).limit(limit).toList();
                    }

                    @Override
                    public long count(TenantId tenant, CustomerQuery q) {
                        return tenants.stream().mapToLong(t -> d.count(t, q)).sum() + (tenants.contains(tenant) ? 0 : d.count(tenant, q));
                    }
                };
            }

            @Override
            public InteractionStore interactions() {
                InteractionStore d = stores.interactions();
                return new ForwardingInteractionStore(d) {
                    @Override
                    public void insert(Interaction i) {
                        tenants.add(i.tenant());
                        d.insert(i);
                    }

                    @Override
                    public Optional<Interaction> findById(TenantId tenant, InteractionId id) {
                        return anyTenant(tenant, t -> d.findById(t, id));
                    }

                    @Override
                    public List<Interaction> timeline(TenantId tenant, CustomerId customer, InteractionQuery query,
                                                      @Nullable TimeKeyset before, int limit) {
                        return allTenants(tenant, t -> d.timeline(t, customer, query, before, limit)).stream().limit(limit).toList();
                    }

                    @Override
                    public long count(TenantId tenant, CustomerId customer, InteractionQuery query) {
                        return allTenants(tenant, t -> List.of(d.count(t, customer, query))).stream().mapToLong(Long::longValue).sum();
                    }
                };
            }

            @Override
            public PurchaseStore purchases() {
                PurchaseStore d = stores.purchases();
                return new ForwardingPurchaseStore(d) {
                    @Override
                    public void insert(Purchase p) {
                        tenants.add(p.tenant());
                        d.insert(p);
                    }

                    @Override
                    public Optional<Purchase> findById(TenantId tenant, PurchaseId id) {
                        return anyTenant(tenant, t -> d.findById(t, id));
                    }

                    @Override
                    public Optional<Purchase> findByOrder(TenantId tenant, Channel channel, String orderId) {
                        return anyTenant(tenant, t -> d.findByOrder(t, channel, orderId));
                    }

                    @Override
                    public List<Purchase> history(TenantId tenant, CustomerId customer, @Nullable TimeKeyset before, int limit) {
                        return allTenants(tenant, t -> d.history(t, customer, before, limit)).stream().limit(limit).toList();
                    }
                };
            }

            @Override
            public TagStore tags() {
                TagStore d = stores.tags();
                return new ForwardingTagStore(d) {
                    @Override
                    public void insert(Tag tag) {
                        tenants.add(tag.tenant());
                        d.insert(tag);
                    }

                    @Override
                    public Optional<Tag> findById(TenantId tenant, TagId id) {
                        return anyTenant(tenant, t -> d.findById(t, id));
                    }

                    @Override
                    public Optional<Tag> findByName(TenantId tenant, String name) {
                        return anyTenant(tenant, t -> d.findByName(t, name));
                    }

                    @Override
                    public List<Tag> list(TenantId tenant) {
                        return allTenants(tenant, d::list);
                    }
                };
            }
        };
    }
}
