package org.cim4j.cache;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cim4j.TenantId;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.ExternalId;
import org.cim4j.spi.CustomerKeyset;
import org.cim4j.spi.CustomerStore;
import org.cim4j.spi.InteractionStore;
import org.cim4j.spi.LoyaltyStore;
import org.cim4j.spi.PurchaseStore;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.Stores;
import org.cim4j.spi.TagStore;
import org.jspecify.annotations.Nullable;

/**
 * Read-only stores whose customer and loyalty reads each run in a short transaction of their own and then call
 * {@code afterRead} before returning: a load that already holds its (soon stale) data.
 */
final class SnapshotStores implements Stores {
    private final StorageProvider storage;
    private final Runnable afterRead;

    SnapshotStores(StorageProvider storage, Runnable afterRead) {
        this.storage = storage;
        this.afterRead = afterRead;
    }

    @Override
    public CustomerStore customers() {
        return new CustomerStore() {
            @Override
            public Optional<Customer> findById(TenantId tenant, CustomerId id) {
                Optional<Customer> r = storage.read(s -> s.customers().findById(tenant, id));
                afterRead.run();
                return r;
            }

            @Override
            public List<Customer> findByContact(TenantId tenant, ContactType type, String value) {
                List<Customer> r = storage.read(s -> s.customers().findByContact(tenant, type, value));
                afterRead.run();
                return r;
            }

            @Override
            public Optional<Customer> findByExternalId(TenantId tenant, ExternalId externalId) {
                Optional<Customer> r = storage.read(s -> s.customers().findByExternalId(tenant, externalId));
                afterRead.run();
                return r;
            }

            @Override
            public void insert(Customer customer) {
                throw new IllegalStateException("write attempted in a read-only transaction");
            }

            @Override
            public void update(Customer customer) {
                throw new IllegalStateException("write attempted in a read-only transaction");
            }

            @Override
            public List<Customer> query(TenantId tenant, CustomerQuery query, @Nullable CustomerKeyset after, int limit) {
                return storage.read(s -> s.customers().query(tenant, query, after, limit));
            }

            @Override
            public long count(TenantId tenant, CustomerQuery query) {
                return storage.read(s -> s.customers().count(tenant, query));
            }
        };
    }

    @Override
    public InteractionStore interactions() {
        throw new UnsupportedOperationException("not needed by the cache tests");
    }

    @Override
    public PurchaseStore purchases() {
        throw new UnsupportedOperationException("not needed by the cache tests");
    }

    @Override
    public TagStore tags() {
        throw new UnsupportedOperationException("not needed by the cache tests");
    }

    /**
     * Loyalty reads each in a short transaction of their own, followed by {@code afterRead}; writes
     * (names not starting with {@code find}, {@code programs}, {@code accounts}, {@code entries},
     * {@code reversals}, {@code openLots}, {@code tierHistory}) are refused.
     */
    @Override
    public LoyaltyStore loyalty() {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "SnapshotLoyaltyStore" : method.invoke(this, args);
            }
            if (!READS.matcher(method.getName()).matches()) {
                throw new IllegalStateException("write attempted in a read-only transaction");
            }
            Object r = storage.read(s -> {
                try {
                    return method.invoke(s.loyalty(), args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException) {
                        throw (RuntimeException) e.getCause();
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            });
            afterRead.run();
            return r;
        };
        return (LoyaltyStore) Proxy.newProxyInstance(LoyaltyStore.class.getClassLoader(),
                new Class<?>[] {LoyaltyStore.class}, handler);
    }

    private static final Pattern READS =
            Pattern.compile("find.*|programs|accounts|entries.*|reversalsOf|openLots|tierHistory");
}
