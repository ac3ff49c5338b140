package org.cim4j.cache;

import java.util.UUID;
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
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final char SEPARATOR = 0x1f;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private KeyFingerprints() {
    }

    static int customer(TenantId tenant, CustomerId id) {
        return ofId('c', tenant.value(), id.value());
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
        return ofId('l', tenant.value(), customer.value());
    }

    /** The tenant's loyalty programs. */
    static int loyaltyPrograms(TenantId tenant) {
        return of("p", tenant.value());
    }

    /** FNV-1a (64 bit) over the parts' UTF-16 units with separators, then a finalising mix. */
    static int of(String... parts) {
        long h = FNV_OFFSET;
        for (String part : parts) {
            h = part(h, part);
        }
        return finish(h);
    }

    /**
     * {@code of(String.valueOf(kind), tenant, id.toString())} without building the id's string: this
     * runs on every cache hit.
     */
    private static int ofId(char kind, String tenant, UUID id) {
        long h = FNV_OFFSET;
        h = (h ^ kind) * FNV_PRIME;
        h = (h ^ SEPARATOR) * FNV_PRIME;
        h = part(h, tenant);
        // the canonical form: 8-4-4-4-12 lower-case hex digits
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        h = hex(h, msb >>> 32, 8);
        h = (h ^ '-') * FNV_PRIME;
        h = hex(h, msb >>> 16, 4);
        h = (h ^ '-') * FNV_PRIME;
        h = hex(h, msb, 4);
        h = (h ^ '-') * FNV_PRIME;
        h = hex(h, lsb >>> 48, 4);
        h = (h ^ '-') * FNV_PRIME;
        h = hex(h, lsb, 12);
        h = (h ^ SEPARATOR) * FNV_PRIME;
        return finish(h);
    }

    private static long part(long h, String part) {
        for (int i = 0; i < part.length(); i++) {
            h = (h ^ part.charAt(i)) * FNV_PRIME;
        }
        return (h ^ SEPARATOR) * FNV_PRIME;
    }

    /** Feeds the lowest {@code digits} hex digits of {@code bits}, most significant first. */
    private static long hex(long h, long bits, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            h = (h ^ HEX[(int) (bits >>> shift) & 0xF]) * FNV_PRIME;
        }
        return h;
    }

    private static int finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) (h & MASK);
    }
}
