package org.cim4j.cache;

import org.cim4j.TenantId;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.ExternalId;

/**
 * Stable 16-bit fingerprints of cache keys, identical in every JVM (no {@code Object.hashCode},
 * no seed), so an instance can name a lookup key to another one without sending the key. 16 bits
 * is deliberate: every fingerprint is shared by a vast number of e-mail addresses or phone numbers,
 * so it identifies nobody, while a cache of tens of thousands of lookups loses only a handful of
 * entries to collisions per write.
 */
final class KeyFingerprints {
    static final int BITS = 16;
    static final int MASK = (1 << BITS) - 1;

    private KeyFingerprints() {
    }

    static int customer(TenantId tenant, CustomerId id) {
        return of("c", tenant.value(), id.toString());
    }

    static int contact(TenantId tenant, ContactType type, String value) {
        return of("k", tenant.value(), type.code(), value);
    }

    static int externalId(TenantId tenant, ExternalId externalId) {
        return of("x", tenant.value(), externalId.key());
    }

    static int tags(TenantId tenant) {
        return of("t", tenant.value());
    }

    /**
     * The loyalty accounts of one member, in every program: one stripe per customer rather than per
     * account, so a receiver that only knows the customer id (as in a bus message) and a program id
     * spelled differently (an adapter matching program ids case-insensitively) both hit it.
     */
    static int loyaltyMember(TenantId tenant, CustomerId customer) {
        return of("l", tenant.value(), customer.toString());
    }

    /** The tenant's loyalty programs. */
    static int loyaltyPrograms(TenantId tenant) {
        return of("p", tenant.value());
    }

    /** FNV-1a (64 bit) over the parts' UTF-16 units with separators, then a finalising mix. */
    private static int of(String... parts) {
        long h = 0xcbf29ce484222325L;
        for (String part : parts) {
            for (int i = 0; i < part.length(); i++) {
                h ^= part.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= 0x1f;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) (h & MASK);
    }
}
