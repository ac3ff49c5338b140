package org.cim4j.cache;

import java.lang.reflect.Proxy;
import org.cim4j.spi.CustomerStore;
import org.cim4j.spi.InteractionStore;
import org.cim4j.spi.LoyaltyStore;
import org.cim4j.spi.PurchaseStore;
import org.cim4j.spi.Stores;
import org.cim4j.spi.TagStore;

/**
 * Thrown by the stand-in stores of a cache-only attempt when work asks for something the caches do
 * not hold, so the caching decorator runs the work again in a real storage transaction. Never
 * escapes the decorator. Stack-less: it is control flow, not an error.
 */
final class StorageNeeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final StorageNeeded INSTANCE = new StorageNeeded();

    /** Stores whose every method throws {@code StorageNeeded}. */
    static final Stores STORES = new Stores() {
        private final CustomerStore customers = refusing(CustomerStore.class);
        private final InteractionStore interactions = refusing(InteractionStore.class);
        private final PurchaseStore purchases = refusing(PurchaseStore.class);
        private final TagStore tags = refusing(TagStore.class);
        private final LoyaltyStore loyalty = refusing(LoyaltyStore.class);

        @Override
        public CustomerStore customers() {
            return customers;
        }

        @Override
        public InteractionStore interactions() {
            return interactions;
        }

        @Override
        public PurchaseStore purchases() {
            return purchases;
        }

        @Override
        public TagStore tags() {
            return tags;
        }

        @Override
        public LoyaltyStore loyalty() {
            return loyalty;
        }
    };

    private StorageNeeded() {
        super("the caches cannot serve this work alone", null, false, false);
    }

    private static <S> S refusing(Class<S> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "cache-only " + type.getSimpleName();
                };
            }
            throw INSTANCE;
        }));
    }
}
