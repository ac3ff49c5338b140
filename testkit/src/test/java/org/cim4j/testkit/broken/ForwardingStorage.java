package org.cim4j.testkit.broken;

import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.cim4j.spi.Capability;
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
 * Decorator base for the deliberately broken adapters: forwards everything to a delegate provider
 * and lets subclasses wrap the stores of each transaction.
 */
public abstract class ForwardingStorage implements StorageProvider {
    protected final StorageProvider delegate;

    protected ForwardingStorage(StorageProvider delegate) {
        this.delegate = delegate;
    }

    /** Wraps the stores of one transaction; the default forwards unchanged. */
    protected Stores wrap(Stores stores) {
        return stores;
    }

    @Override
    public String name() {
        return "broken-" + delegate.name();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public <T> T inTransaction(TransactionMode mode, StorageWork<T> work) {
        return delegate.inTransaction(mode, stores -> work.execute(wrap(stores)));
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Stores that forward to other stores. */
    static class ForwardingStores implements Stores {
        private final Stores delegate;

        ForwardingStores(Stores delegate) {
            this.delegate = delegate;
        }

        @Override
        public CustomerStore customers() {
            return delegate.customers();
        }

        @Override
        public InteractionStore interactions() {
            return delegate.interactions();
        }

        @Override
        public PurchaseStore purchases() {
            return delegate.purchases();
        }

        @Override
        public TagStore tags() {
            return delegate.tags();
        }

        @Override
        public org.cim4j.spi.LoyaltyStore loyalty() {
            return delegate.loyalty();
        }
    }

    /** A customer store that forwards every call. */
    static class ForwardingCustomerStore implements CustomerStore {
        protected final CustomerStore delegate;

        ForwardingCustomerStore(CustomerStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Customer> findById(TenantId tenant, CustomerId id) {
            return delegate.findById(tenant, id);
        }

        @Override
        public List<Customer> findByContact(TenantId tenant, ContactType type, String value) {
            return delegate.findByContact(tenant, type, value);
        }

        @Override
        public Optional<Customer> findByExternalId(TenantId tenant, ExternalId externalId) {
            return delegate.findByExternalId(tenant, externalId);
        }

        @Override
        public void insert(Customer customer) {
            delegate.insert(customer);
        }

        @Override
        public void update(Customer customer) {
            delegate.update(customer);
        }

        @Override
        public List<Customer> query(TenantId tenant, CustomerQuery query, @Nullable CustomerKeyset after, int limit) {
            return delegate.query(tenant, query, after, limit);
        }

        @Override
        public long count(TenantId tenant, CustomerQuery query) {
            return delegate.count(tenant, query);
        }
    }

    /** A purchase store that forwards every call. */
    static class ForwardingPurchaseStore implements PurchaseStore {
        protected final PurchaseStore delegate;

        ForwardingPurchaseStore(PurchaseStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void insert(Purchase purchase) {
            delegate.insert(purchase);
        }

        @Override
        public void update(Purchase purchase) {
            delegate.update(purchase);
        }

        @Override
        public Optional<Purchase> findById(TenantId tenant, PurchaseId id) {
            return delegate.findById(tenant, id);
        }

        @Override
        public Optional<Purchase> findByOrder(TenantId tenant, Channel channel, String orderId) {
            return delegate.findByOrder(tenant, channel, orderId);
        }

        @Override
        public List<Purchase> history(TenantId tenant, CustomerId customer, @Nullable TimeKeyset before, int limit) {
            return delegate.history(tenant, customer, before, limit);
        }
    }

    /** An interaction store that forwards every call. */
    static class ForwardingInteractionStore implements InteractionStore {
        protected final InteractionStore delegate;

        ForwardingInteractionStore(InteractionStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void insert(Interaction interaction) {
            delegate.insert(interaction);
        }

        @Override
        public Optional<Interaction> findById(TenantId tenant, InteractionId id) {
            return delegate.findById(tenant, id);
        }

        @Override
        public List<Interaction> timeline(TenantId tenant, CustomerId customer, InteractionQuery query,
                                          @Nullable TimeKeyset before, int limit) {
            return delegate.timeline(tenant, customer, query, before, limit);
        }

        @Override
        public long count(TenantId tenant, CustomerId customer, InteractionQuery query) {
            return delegate.count(tenant, customer, query);
        }
    }

    /** A tag store that forwards every call. */
    static class ForwardingTagStore implements TagStore {
        protected final TagStore delegate;

        ForwardingTagStore(TagStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void insert(Tag tag) {
            delegate.insert(tag);
        }

        @Override
        public Optional<Tag> findById(TenantId tenant, TagId id) {
            return delegate.findById(tenant, id);
        }

        @Override
        public Optional<Tag> findByName(TenantId tenant, String name) {
            return delegate.findByName(tenant, name);
        }

        @Override
        public List<Tag> list(TenantId tenant) {
            return delegate.list(tenant);
        }
    }
}
