package org.cim4j.testkit.broken;

import java.util.List;
import java.util.Optional;
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
import org.cim4j.spi.StorageWork;
import org.cim4j.spi.Stores;
import org.cim4j.spi.TagStore;
import org.cim4j.spi.TimeKeyset;
import org.cim4j.spi.TransactionMode;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;
import org.jspecify.annotations.Nullable;

/**
 * Broken on purpose: "auto-commit" — every store call commits on its own, so a unit of work that
 * throws halfway keeps what it wrote before the failure.
 */
final class NonRollingBackStorage extends ForwardingStorage {
    NonRollingBackStorage(StorageProvider delegate) {
        super(delegate);
    }

    @Override
    public <T> T inTransaction(TransactionMode mode, StorageWork<T> work) {
        return work.execute(new AutoCommitStores());
    }

    private <T> T each(StorageWork<T> call) {
        return delegate.write(call);
    }

    private void eachVoid(java.util.function.Consumer<Stores> call) {
        delegate.write(s -> {
            call.accept(s);
            return null;
        });
    }

    private final class AutoCommitStores implements Stores {
        @Override
        public CustomerStore customers() {
            return new CustomerStore() {
                @Override
                public Optional<Customer> findById(TenantId tenant, CustomerId id) {
                    return each(s -> s.customers().findById(tenant, id));
                }

                @Override
                public List<Customer> findByContact(TenantId tenant, ContactType type, String value) {
                    return each(s -> s.customers().findByContact(tenant, type, value));
                }

                @Override
                public Optional<Customer> findByExternalId(TenantId tenant, ExternalId externalId) {
                    return each(s -> s.customers().findByExternalId(tenant, externalId));
                }

                @Override
                public void insert(Customer customer) {
                    eachVoid(s -> s.customers().insert(customer));
                }

                @Override
                public void update(Customer customer) {
                    eachVoid(s -> s.customers().update(customer));
                }

                @Override
                public List<Customer> query(TenantId tenant, CustomerQuery query, @Nullable CustomerKeyset after, int limit) {
                    return each(s -> s.customers().query(tenant, query, after, limit));
                }

                @Override
                public long count(TenantId tenant, CustomerQuery query) {
                    return each(s -> s.customers().count(tenant, query));
                }
            };
        }

        @Override
        public InteractionStore interactions() {
            return new InteractionStore() {
                @Override
                public void insert(Interaction interaction) {
                    eachVoid(s -> s.interactions().insert(interaction));
                }

                @Override
                public Optional<Interaction> findById(TenantId tenant, InteractionId id) {
                    return each(s -> s.interactions().findById(tenant, id));
                }

                @Override
                public List<Interaction> timeline(TenantId tenant, CustomerId customer, InteractionQuery query,
                                                  @Nullable TimeKeyset before, int limit) {
                    return each(s -> s.interactions().timeline(tenant, customer, query, before, limit));
                }

                @Override
                public long count(TenantId tenant, CustomerId customer, InteractionQuery query) {
                    return each(s -> s.interactions().count(tenant, customer, query));
                }
            };
        }

        @Override
        public PurchaseStore purchases() {
            return new PurchaseStore() {
                @Override
                public void insert(Purchase purchase) {
                    eachVoid(s -> s.purchases().insert(purchase));
                }

                @Override
                public void update(Purchase purchase) {
                    eachVoid(s -> s.purchases().update(purchase));
                }

                @Override
                public Optional<Purchase> findById(TenantId tenant, PurchaseId id) {
                    return each(s -> s.purchases().findById(tenant, id));
                }

                @Override
                public Optional<Purchase> findByOrder(TenantId tenant, Channel channel, String orderId) {
                    return each(s -> s.purchases().findByOrder(tenant, channel, orderId));
                }

                @Override
                public List<Purchase> history(TenantId tenant, CustomerId customer, @Nullable TimeKeyset before, int limit) {
                    return each(s -> s.purchases().history(tenant, customer, before, limit));
                }
            };
        }

        /** Every loyalty store call commits on its own, like the other stores here. */
        @Override
        public org.cim4j.spi.LoyaltyStore loyalty() {
            return (org.cim4j.spi.LoyaltyStore) java.lang.reflect.Proxy.newProxyInstance(
                    org.cim4j.spi.LoyaltyStore.class.getClassLoader(), new Class<?>[] {org.cim4j.spi.LoyaltyStore.class},
                    (proxy, method, args) -> each(s -> {
                        try {
                            return method.invoke(s.loyalty(), args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            if (e.getCause() instanceof RuntimeException r) {
                                throw r;
                            }
                            throw new IllegalStateException(e.getCause());
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
        }

        @Override
        public TagStore tags() {
            return new TagStore() {
                @Override
                public void insert(Tag tag) {
                    eachVoid(s -> s.tags().insert(tag));
                }

                @Override
                public Optional<Tag> findById(TenantId tenant, TagId id) {
                    return each(s -> s.tags().findById(tenant, id));
                }

                @Override
                public Optional<Tag> findByName(TenantId tenant, String name) {
                    return each(s -> s.tags().findByName(tenant, name));
                }

                @Override
                public List<Tag> list(TenantId tenant) {
                    return each(s -> s.tags().list(tenant));
                }
            };
        }
    }
}
