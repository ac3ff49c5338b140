package org.cim4j;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.cim4j.cache.CacheSettings;
import org.cim4j.cache.CacheStats;
import org.cim4j.cache.CachingStorageProvider;
import org.cim4j.commerce.PurchaseService;
import org.cim4j.customer.AttributeSchema;
import org.cim4j.customer.CustomerService;
import org.cim4j.event.EventBus;
import org.cim4j.interaction.InteractionService;
import org.cim4j.internal.Engine;
import org.cim4j.loyalty.LoyaltyService;
import org.cim4j.spi.StorageProvider;
import org.cim4j.tag.TagService;
import org.jspecify.annotations.Nullable;

/**
 * The cim4j entry point: one instance per application, built once and shared by all threads.
 *
 * <pre>{@code
 * try (Cim4j crm = Cim4j.builder().storage(InMemoryStorage.create()).build()) {
 *     Customer c = crm.customers().create(NewCustomer.builder().name("王小明").email("xm@example.com").build());
 * }
 * }</pre>
 *
 * The service accessors on this class act as the builder's default principal (the system actor
 * of {@link TenantId#DEFAULT} unless configured); use {@link #as(Principal)} to act for a user of
 * any tenant. cim4j starts no threads of its own.
 */
public final class Cim4j implements Cim4jScope, AutoCloseable {
    private final Engine engine;
    private final Cim4jScope defaultScope;

    private Cim4j(Builder builder) {
        this.engine = new Engine(builder.settings());
        this.defaultScope = engine.scope(builder.defaultPrincipal);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The services for {@code principal}, confined to its tenant. */
    public Cim4jScope as(Principal principal) {
        return engine.scope(Objects.requireNonNull(principal, "principal"));
    }

    @Override
    public Principal principal() {
        return defaultScope.principal();
    }

    @Override
    public CustomerService customers() {
        return defaultScope.customers();
    }

    @Override
    public InteractionService interactions() {
        return defaultScope.interactions();
    }

    @Override
    public PurchaseService purchases() {
        return defaultScope.purchases();
    }

    @Override
    public TagService tags() {
        return defaultScope.tags();
    }

    @Override
    public LoyaltyService loyalty() {
        return defaultScope.loyalty();
    }

    /** Subscribe here to react to domain events of every tenant. */
    public EventBus events() {
        return engine.events();
    }

    /**
     * The storage this instance runs on: the adapter given to the builder, or, when the builder was
     * given {@link Builder#cache(CacheSettings) cache settings}, the {@link CachingStorageProvider}
     * wrapping it (its {@link CachingStorageProvider#delegate()} is the adapter). Work run through
     * the returned provider stays coherent with the cache.
     */
    public StorageProvider storage() {
        return engine.settings().storage();
    }

    /**
     * Statistics of this instance's caches (customers, lookups, tag lists), or an empty list when
     * caching is off. Numbers only, safe to log or export as metrics.
     */
    public List<CacheStats> cacheStats() {
        StorageProvider storage = storage();
        return storage instanceof CachingStorageProvider ? ((CachingStorageProvider) storage).stats() : List.of();
    }

    /** Closes the storage provider unless the builder said it is shared. Idempotent. */
    @Override
    public void close() {
        engine.close();
    }

    /**
     * Configures a {@link Cim4j}. Only {@link #storage(StorageProvider)} is required. {@link #build()}
     * leaves the builder unchanged, so it can build several instances (e.g. two "hosts" in a test).
     */
    public static final class Builder {
        private @Nullable StorageProvider storage;
        private boolean closeStorage = true;
        private @Nullable Clock clock;
        private @Nullable IdGenerator idGenerator;
        private AttributeSchema attributeSchema = AttributeSchema.EMPTY;
        private String defaultRegion = "ZZ";
        private Principal defaultPrincipal = Principal.system(TenantId.DEFAULT);
        private CacheSettings cache = CacheSettings.off();
        private boolean cacheSet;

        private Builder() {
        }

        /**
         * The storage adapter. It is closed with the {@link Cim4j}.
         *
         * @throws IllegalStateException if storage was already set
         */
        public Builder storage(StorageProvider provider) {
            Objects.requireNonNull(provider, "provider");
            if (storage != null) {
                throw new IllegalStateException("storage was already set to " + storage.name());
            }
            this.storage = provider;
            return this;
        }

        /** A storage adapter shared with other instances: {@link Cim4j#close()} leaves it open. */
        public Builder sharedStorage(StorageProvider provider) {
            storage(provider);
            this.closeStorage = false;
            return this;
        }

        /**
         * Caches storage reads with these settings ({@link CacheSettings#defaults()} for the usual
         * choice); defaults to {@link CacheSettings#off()}. Each built instance gets its own cache,
         * measuring TTLs with the builder's clock. Instances sharing one database stay coherent
         * through the settings' {@link org.cim4j.cache.InvalidationBus}; see {@code docs/caching.md}.
         *
         * @throws IllegalStateException if cache settings were already set
         */
        public Builder cache(CacheSettings settings) {
            Objects.requireNonNull(settings, "settings");
            if (cacheSet) {
                throw new IllegalStateException("cache was already set to " + cache);
            }
            this.cache = settings;
            this.cacheSet = true;
            return this;
        }

        /** Time source for every timestamp; defaults to {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Id source; defaults to UUIDv7 from the clock. */
        public Builder idGenerator(IdGenerator generator) {
            this.idGenerator = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /** Custom attributes customers may carry; defaults to none. */
        public Builder attributeSchema(AttributeSchema schema) {
            this.attributeSchema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /**
         * ISO 3166 region used to read phone numbers written without a country code, e.g. {@code "CN"}
         * or {@code "DE"}. Defaults to none: such numbers must then start with {@code +}.
         *
         * @throws IllegalArgumentException if the region is not a two-letter code
         */
        public Builder defaultRegion(String region) {
            Objects.requireNonNull(region, "region");
            if (!region.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("region must be an upper-case ISO 3166 alpha-2 code, was '" + region + "'");
            }
            this.defaultRegion = region;
            return this;
        }

        /** Principal for the service accessors on {@link Cim4j} itself. */
        public Builder defaultPrincipal(Principal principal) {
            this.defaultPrincipal = Objects.requireNonNull(principal, "principal");
            return this;
        }

        /** Shorthand for a system principal of {@code tenant} as default principal. */
        public Builder tenant(TenantId tenant) {
            return defaultPrincipal(Principal.system(tenant));
        }

        /**
         * @throws IllegalStateException if no storage was set
         */
        public Cim4j build() {
            if (storage == null) {
                throw new IllegalStateException("storage must be set, e.g. .storage(InMemoryStorage.create())");
            }
            return new Cim4j(this);
        }

        Settings settings() {
            Clock c = clock != null ? clock : Clock.systemUTC();
            StorageProvider provider = Objects.requireNonNull(storage);
            boolean closeProvider = closeStorage;
            if (cache.enabled() || cache.invalidationBus() != null) {
                // The wrapper is this instance's own: always closed with it; it closes the adapter
                // only if the adapter is not shared.
                provider = CachingStorageProvider.wrap(provider, cache, c, closeStorage);
                closeProvider = true;
            }
            return new Settings(provider, closeProvider, c,
                    idGenerator != null ? idGenerator : IdGenerator.uuidV7(c), attributeSchema, defaultRegion);
        }
    }

    /**
     * The resolved configuration of an instance.
     *
     * @param storage         the adapter, or the {@link CachingStorageProvider} wrapping it when caching is on
     * @param closeStorage    whether {@link Cim4j#close()} closes it
     * @param clock           time source
     * @param ids             id source
     * @param attributeSchema declared custom attributes
     * @param defaultRegion   region for national phone numbers, {@code "ZZ"} for none
     */
    public record Settings(StorageProvider storage, boolean closeStorage, Clock clock, IdGenerator ids,
                           AttributeSchema attributeSchema, String defaultRegion) {
    }
}
