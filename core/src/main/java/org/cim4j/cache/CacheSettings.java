package org.cim4j.cache;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link CachingStorageProvider} caches: on or off, the size bound and time-to-live of each
 * cache (customers, lookups, tag lists, loyalty accounts, loyalty programs), how long a "not found" answer may be reused, and the {@link InvalidationBus} that keeps
 * several instances on one database coherent. Immutable and thread-safe; start from
 * {@link #defaults()}, {@link #off()} or {@link #builder()}.
 *
 * <pre>{@code
 * CacheSettings s = CacheSettings.builder()
 *         .customerMaximumSize(50_000)
 *         .customerTtl(Duration.ofMinutes(10))
 *         .negativeTtl(Duration.ofSeconds(2))
 *         .invalidationBus(bus)
 *         .build();
 * }</pre>
 *
 * A maximum size of 0 turns one cache off. Turning caching {@linkplain #off() off} while setting a
 * bus still publishes this instance's writes to the bus, so caching instances elsewhere stay
 * coherent.
 */
public final class CacheSettings {
    /** Default bound of the customer-by-id cache. */
    public static final long DEFAULT_CUSTOMER_MAXIMUM_SIZE = 10_000;
    /** Default time-to-live of customers by id. */
    public static final Duration DEFAULT_CUSTOMER_TTL = Duration.ofMinutes(5);
    /** Default bound of the lookup cache (by contact point and by external id). */
    public static final long DEFAULT_LOOKUP_MAXIMUM_SIZE = 10_000;
    /** Default time-to-live of lookups. */
    public static final Duration DEFAULT_LOOKUP_TTL = Duration.ofMinutes(1);
    /** Default bound of the tag-list cache, in tenants. */
    public static final long DEFAULT_TAG_LIST_MAXIMUM_SIZE = 1_000;
    /** Default time-to-live of a tenant's tag list. */
    public static final Duration DEFAULT_TAG_LIST_TTL = Duration.ofMinutes(10);
    /** Default bound of the loyalty-account cache (member accounts with balance and tier). */
    public static final long DEFAULT_LOYALTY_ACCOUNT_MAXIMUM_SIZE = 10_000;
    /**
     * Default time-to-live of a loyalty account: short, because balances change on every command and
     * another instance without a bus is only noticed when the entry expires.
     */
    public static final Duration DEFAULT_LOYALTY_ACCOUNT_TTL = Duration.ofMinutes(1);
    /** Default bound of the loyalty-program cache, in tenants. */
    public static final long DEFAULT_LOYALTY_PROGRAM_MAXIMUM_SIZE = 1_000;
    /** Default time-to-live of a tenant's loyalty programs. */
    public static final Duration DEFAULT_LOYALTY_PROGRAM_TTL = Duration.ofMinutes(10);
    /** Default time-to-live of "not found" answers. */
    public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofSeconds(5);
    /** Longest time-to-live a "not found" answer may have: negative caching is only ever brief. */
    public static final Duration MAX_NEGATIVE_TTL = Duration.ofMinutes(1);

    private static final CacheSettings DEFAULTS = builder().build();
    private static final CacheSettings OFF = builder().enabled(false).build();

    private final boolean enabled;
    private final long customerMaximumSize;
    private final Duration customerTtl;
    private final long lookupMaximumSize;
    private final Duration lookupTtl;
    private final long tagListMaximumSize;
    private final Duration tagListTtl;
    private final long loyaltyAccountMaximumSize;
    private final Duration loyaltyAccountTtl;
    private final long loyaltyProgramMaximumSize;
    private final Duration loyaltyProgramTtl;
    private final Duration negativeTtl;
    private final @Nullable InvalidationBus invalidationBus;

    private CacheSettings(Builder b) {
        this.enabled = b.enabled != null ? b.enabled : true;
        this.customerMaximumSize = b.customerMaximumSize >= 0 ? b.customerMaximumSize : DEFAULT_CUSTOMER_MAXIMUM_SIZE;
        this.customerTtl = b.customerTtl != null ? b.customerTtl : DEFAULT_CUSTOMER_TTL;
        this.lookupMaximumSize = b.lookupMaximumSize >= 0 ? b.lookupMaximumSize : DEFAULT_LOOKUP_MAXIMUM_SIZE;
        this.lookupTtl = b.lookupTtl != null ? b.lookupTtl : DEFAULT_LOOKUP_TTL;
        this.tagListMaximumSize = b.tagListMaximumSize >= 0 ? b.tagListMaximumSize : DEFAULT_TAG_LIST_MAXIMUM_SIZE;
        this.tagListTtl = b.tagListTtl != null ? b.tagListTtl : DEFAULT_TAG_LIST_TTL;
        this.loyaltyAccountMaximumSize = b.loyaltyAccountMaximumSize >= 0 ? b.loyaltyAccountMaximumSize
                : DEFAULT_LOYALTY_ACCOUNT_MAXIMUM_SIZE;
        this.loyaltyAccountTtl = b.loyaltyAccountTtl != null ? b.loyaltyAccountTtl : DEFAULT_LOYALTY_ACCOUNT_TTL;
        this.loyaltyProgramMaximumSize = b.loyaltyProgramMaximumSize >= 0 ? b.loyaltyProgramMaximumSize
                : DEFAULT_LOYALTY_PROGRAM_MAXIMUM_SIZE;
        this.loyaltyProgramTtl = b.loyaltyProgramTtl != null ? b.loyaltyProgramTtl : DEFAULT_LOYALTY_PROGRAM_TTL;
        this.negativeTtl = b.negativeTtl != null ? b.negativeTtl : DEFAULT_NEGATIVE_TTL;
        this.invalidationBus = b.invalidationBus;
    }

    /** Caching on, with the {@code DEFAULT_*} sizes and TTLs and no invalidation bus. */
    public static CacheSettings defaults() {
        return DEFAULTS;
    }

    /** Caching off: every read goes to storage. */
    public static CacheSettings off() {
        return OFF;
    }

    /** A builder whose unset values are the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A copy of these settings using {@code bus} to hear about (and tell of) other instances' writes. */
    public CacheSettings withInvalidationBus(InvalidationBus bus) {
        Objects.requireNonNull(bus, "bus");
        Builder b = toBuilder();
        b.invalidationBus = bus;
        return new CacheSettings(b);
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.enabled = enabled;
        b.customerMaximumSize = customerMaximumSize;
        b.customerTtl = customerTtl;
        b.lookupMaximumSize = lookupMaximumSize;
        b.lookupTtl = lookupTtl;
        b.tagListMaximumSize = tagListMaximumSize;
        b.tagListTtl = tagListTtl;
        b.loyaltyAccountMaximumSize = loyaltyAccountMaximumSize;
        b.loyaltyAccountTtl = loyaltyAccountTtl;
        b.loyaltyProgramMaximumSize = loyaltyProgramMaximumSize;
        b.loyaltyProgramTtl = loyaltyProgramTtl;
        b.negativeTtl = negativeTtl;
        b.invalidationBus = invalidationBus;
        return b;
    }

    /** Whether reads are cached at all. */
    public boolean enabled() {
        return enabled;
    }

    public long customerMaximumSize() {
        return customerMaximumSize;
    }

    public Duration customerTtl() {
        return customerTtl;
    }

    public long lookupMaximumSize() {
        return lookupMaximumSize;
    }

    public Duration lookupTtl() {
        return lookupTtl;
    }

    public long tagListMaximumSize() {
        return tagListMaximumSize;
    }

    public Duration tagListTtl() {
        return tagListTtl;
    }

    /** Most loyalty accounts kept (one per member and program); 0 turns that cache off. */
    public long loyaltyAccountMaximumSize() {
        return loyaltyAccountMaximumSize;
    }

    /** Time-to-live of a loyalty account (balance, tier) after it was loaded. */
    public Duration loyaltyAccountTtl() {
        return loyaltyAccountTtl;
    }

    /** Most tenants whose loyalty programs are kept; 0 turns that cache off. */
    public long loyaltyProgramMaximumSize() {
        return loyaltyProgramMaximumSize;
    }

    /** Time-to-live of a tenant's loyalty programs. */
    public Duration loyaltyProgramTtl() {
        return loyaltyProgramTtl;
    }

    /**
     * How long "no such customer", empty lookups and "not enrolled" (no loyalty account) are reused;
     * zero means they are never cached.
     */
    public Duration negativeTtl() {
        return negativeTtl;
    }

    /** The bus shared with other instances, if any. */
    public @Nullable InvalidationBus invalidationBus() {
        return invalidationBus;
    }

    @Override
    public String toString() {
        if (!enabled) {
            return "CacheSettings[off" + (invalidationBus != null ? ", bus=" + invalidationBus : "") + "]";
        }
        return "CacheSettings[customers=" + customerMaximumSize + "/" + customerTtl
                + ", lookups=" + lookupMaximumSize + "/" + lookupTtl
                + ", tagLists=" + tagListMaximumSize + "/" + tagListTtl
                + ", loyaltyAccounts=" + loyaltyAccountMaximumSize + "/" + loyaltyAccountTtl
                + ", loyaltyPrograms=" + loyaltyProgramMaximumSize + "/" + loyaltyProgramTtl
                + ", negativeTtl=" + negativeTtl
                + (invalidationBus != null ? ", bus=" + invalidationBus : "") + "]";
    }

    /**
     * Builds {@link CacheSettings}. Each value may be set once (as in Caffeine's builder); setters
     * check their argument and name it with its value in the exception. {@link #build()} leaves the
     * builder unchanged.
     */
    public static final class Builder {
        private @Nullable Boolean enabled;
        private long customerMaximumSize = -1;
        private @Nullable Duration customerTtl;
        private long lookupMaximumSize = -1;
        private @Nullable Duration lookupTtl;
        private long tagListMaximumSize = -1;
        private @Nullable Duration tagListTtl;
        private long loyaltyAccountMaximumSize = -1;
        private @Nullable Duration loyaltyAccountTtl;
        private long loyaltyProgramMaximumSize = -1;
        private @Nullable Duration loyaltyProgramTtl;
        private @Nullable Duration negativeTtl;
        private @Nullable InvalidationBus invalidationBus;

        private Builder() {
        }

        /**
         * Whether reads are cached; default {@code true}.
         *
         * @throws IllegalStateException if already set
         */
        public Builder enabled(boolean on) {
            requireUnset(enabled == null, "enabled", enabled);
            this.enabled = on;
            return this;
        }

        /**
         * Most customers kept by id; 0 turns that cache off.
         *
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException    if already set
         */
        public Builder customerMaximumSize(long size) {
            requireUnset(customerMaximumSize < 0, "customerMaximumSize", customerMaximumSize);
            this.customerMaximumSize = requireSize("customerMaximumSize", size);
            return this;
        }

        /**
         * Time-to-live of a customer by id after it was loaded.
         *
         * @throws IllegalArgumentException if not positive
         * @throws IllegalStateException    if already set
         */
        public Builder customerTtl(Duration ttl) {
            requireUnset(customerTtl == null, "customerTtl", customerTtl);
            this.customerTtl = requirePositive("customerTtl", ttl);
            return this;
        }

        /**
         * Most lookups (by contact point or external id) kept; 0 turns that cache off.
         *
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException    if already set
         */
        public Builder lookupMaximumSize(long size) {
            requireUnset(lookupMaximumSize < 0, "lookupMaximumSize", lookupMaximumSize);
            this.lookupMaximumSize = requireSize("lookupMaximumSize", size);
            return this;
        }

        /**
         * Time-to-live of a lookup.
         *
         * @throws IllegalArgumentException if not positive
         * @throws IllegalStateException    if already set
         */
        public Builder lookupTtl(Duration ttl) {
            requireUnset(lookupTtl == null, "lookupTtl", lookupTtl);
            this.lookupTtl = requirePositive("lookupTtl", ttl);
            return this;
        }

        /**
         * Most tenants whose tag list is kept; 0 turns that cache off.
         *
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException    if already set
         */
        public Builder tagListMaximumSize(long size) {
            requireUnset(tagListMaximumSize < 0, "tagListMaximumSize", tagListMaximumSize);
            this.tagListMaximumSize = requireSize("tagListMaximumSize", size);
            return this;
        }

        /**
         * Time-to-live of a tenant's tag list.
         *
         * @throws IllegalArgumentException if not positive
         * @throws IllegalStateException    if already set
         */
        public Builder tagListTtl(Duration ttl) {
            requireUnset(tagListTtl == null, "tagListTtl", tagListTtl);
            this.tagListTtl = requirePositive("tagListTtl", ttl);
            return this;
        }

        /**
         * Most loyalty accounts (balance and tier of one member in one program) kept; 0 turns that
         * cache off.
         *
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException    if already set
         */
        public Builder loyaltyAccountMaximumSize(long size) {
            requireUnset(loyaltyAccountMaximumSize < 0, "loyaltyAccountMaximumSize", loyaltyAccountMaximumSize);
            this.loyaltyAccountMaximumSize = requireSize("loyaltyAccountMaximumSize", size);
            return this;
        }

        /**
         * Time-to-live of a loyalty account after it was loaded; bounds how long another instance's
         * earn or redeem can stay unseen without an {@link InvalidationBus}.
         *
         * @throws IllegalArgumentException if not positive
         * @throws IllegalStateException    if already set
         */
        public Builder loyaltyAccountTtl(Duration ttl) {
            requireUnset(loyaltyAccountTtl == null, "loyaltyAccountTtl", loyaltyAccountTtl);
            this.loyaltyAccountTtl = requirePositive("loyaltyAccountTtl", ttl);
            return this;
        }

        /**
         * Most tenants whose loyalty programs are kept; 0 turns that cache off.
         *
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException    if already set
         */
        public Builder loyaltyProgramMaximumSize(long size) {
            requireUnset(loyaltyProgramMaximumSize < 0, "loyaltyProgramMaximumSize", loyaltyProgramMaximumSize);
            this.loyaltyProgramMaximumSize = requireSize("loyaltyProgramMaximumSize", size);
            return this;
        }

        /**
         * Time-to-live of a tenant's loyalty programs.
         *
         * @throws IllegalArgumentException if not positive
         * @throws IllegalStateException    if already set
         */
        public Builder loyaltyProgramTtl(Duration ttl) {
            requireUnset(loyaltyProgramTtl == null, "loyaltyProgramTtl", loyaltyProgramTtl);
            this.loyaltyProgramTtl = requirePositive("loyaltyProgramTtl", ttl);
            return this;
        }

        /**
         * Time-to-live of "not found" answers (no customer with an id, no customer with a contact or
         * external id, no loyalty account of a customer in a program); zero never caches them. At
         * most {@link #MAX_NEGATIVE_TTL}, because another instance's insert is only seen when such an
         * answer expires or is invalidated. Such an answer never outlives its cache's own TTL either
         * (e.g. {@link #customerTtl}), should that be shorter.
         *
         * @throws IllegalArgumentException if negative or longer than {@link #MAX_NEGATIVE_TTL}
         * @throws IllegalStateException    if already set
         */
        public Builder negativeTtl(Duration ttl) {
            requireUnset(negativeTtl == null, "negativeTtl", negativeTtl);
            Objects.requireNonNull(ttl, "negativeTtl");
            if (ttl.isNegative() || ttl.compareTo(MAX_NEGATIVE_TTL) > 0) {
                throw new IllegalArgumentException("negativeTtl must be between 0 and " + MAX_NEGATIVE_TTL + ", was " + ttl);
            }
            this.negativeTtl = ttl;
            return this;
        }

        /**
         * Bus through which this instance publishes its committed writes and hears other instances'.
         *
         * @throws IllegalStateException if already set
         */
        public Builder invalidationBus(InvalidationBus bus) {
            requireUnset(invalidationBus == null, "invalidationBus", invalidationBus);
            this.invalidationBus = Objects.requireNonNull(bus, "bus");
            return this;
        }

        /** The settings; unset values take their defaults. */
        public CacheSettings build() {
            return new CacheSettings(this);
        }

        private static void requireUnset(boolean unset, String name, @Nullable Object current) {
            if (!unset) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
        }

        private static long requireSize(String name, long size) {
            if (size < 0) {
                throw new IllegalArgumentException(name + " must not be negative, was " + size);
            }
            return size;
        }

        private static Duration requirePositive(String name, Duration ttl) {
            Objects.requireNonNull(ttl, name);
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + ttl);
            }
            return ttl;
        }
    }
}
