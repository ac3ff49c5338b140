package org.cim4j.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cim4j.TenantId;

/**
 * One committed write, as told to other instances through an {@link InvalidationBus}: which
 * aggregate of which tenant changed, to which version, and which lookup keys it may now answer.
 * Small and free of personal data by construction: ids are opaque UUIDs, and lookup keys (e-mail
 * addresses, phone numbers, external ids) travel only as 16-bit fingerprints
 * ({@link #keyFingerprints()}), each shared by a vast number of possible values, so a message cannot
 * reveal whose contact point changed. A receiver invalidates every cached lookup whose key has one
 * of those fingerprints; a collision costs an extra cache miss, never a wrong answer.
 *
 * <p>{@link #encode()} and {@link #decode(String)} give a compact text form (well under 8000 bytes,
 * PostgreSQL's NOTIFY payload limit, for any realistic customer), so a bus implementation only
 * moves strings.
 *
 * @param kind            what changed
 * @param tenant          whose data changed
 * @param id              the aggregate's id in canonical text form (a UUID for customers and tags,
 *                        the member's customer UUID for loyalty accounts, the program id for
 *                        loyalty programs)
 * @param version         the version written, or 0 for aggregates without versions (tags, programs)
 * @param keyFingerprints fingerprints (0–65535) of the lookup keys the written record holds
 * @param origin          id of the sending {@link CachingStorageProvider}, so it can skip its own
 *                        messages when a bus echoes them back
 */
public record Invalidation(Kind kind, TenantId tenant, String id, long version, List<Integer> keyFingerprints,
                           String origin) {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String FORMAT_VERSION = "1";

    /**
     * Kinds of cached aggregates. New kinds are added here; receivers of an older cim4j version
     * decode a kind they do not know as empty and ignore it (see {@link #decode(String)}).
     */
    public enum Kind {
        /** A customer record; invalidates it by id and every lookup that returned it. */
        CUSTOMER,
        /** A tag definition; invalidates the tenant's tag list. */
        TAG,
        /**
         * A loyalty member account (balance, tier) changed: {@link #id()} is the member's customer id
         * and {@link #version()} the account version written. Invalidates that customer's cached
         * accounts in every program of the tenant.
         */
        LOYALTY_ACCOUNT,
        /**
         * A loyalty program was defined or redefined: {@link #id()} is the program id. Invalidates
         * the tenant's cached programs.
         */
        LOYALTY_PROGRAM
    }

    public Invalidation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        if (!TOKEN.matcher(id).matches()) {
            throw new IllegalArgumentException("invalidation id must match " + TOKEN + ", was '" + id + "'");
        }
        if (!TOKEN.matcher(origin).matches()) {
            throw new IllegalArgumentException("invalidation origin must match " + TOKEN + ", was '" + origin + "'");
        }
        if (version < 0) {
            throw new IllegalArgumentException("invalidation version must not be negative, was " + version);
        }
        keyFingerprints = List.copyOf(keyFingerprints);
        for (Integer f : keyFingerprints) {
            if (f < 0 || f > KeyFingerprints.MASK) {
                throw new IllegalArgumentException("key fingerprint must be between 0 and " + KeyFingerprints.MASK
                        + ", was " + f);
            }
        }
    }

    /**
     * Text form {@code 1|KIND|tenant|id|version|origin|f1,f2,...} with fingerprints in hex; contains
     * only ASCII letters, digits and {@code |,._:-}.
     */
    public String encode() {
        StringBuilder sb = new StringBuilder(96);
        sb.append(FORMAT_VERSION).append('|').append(kind.name()).append('|').append(tenant.value()).append('|')
                .append(id).append('|').append(version).append('|').append(origin).append('|');
        for (int i = 0; i < keyFingerprints.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Integer.toHexString(keyFingerprints.get(i)));
        }
        return sb.toString();
    }

    /**
     * Parses {@link #encode()}'s form. Returns empty for text from a newer format or an unknown
     * kind, so instances of different cim4j versions can share a bus (the receiver then relies on
     * TTLs for that message).
     *
     * @throws IllegalArgumentException if the text is not an invalidation message at all
     */
    public static Optional<Invalidation> decode(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split("\\|", -1);
        if (parts.length < 1 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("not an invalidation message (" + text.length() + " characters)");
        }
        if (!FORMAT_VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        if (parts.length != 7) {
            throw new IllegalArgumentException("invalidation message must have 7 fields, had " + parts.length);
        }
        Kind kind;
        try {
            kind = Kind.valueOf(parts[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknownKind) {
            return Optional.empty();
        }
        try {
            List<Integer> fingerprints = new ArrayList<>();
            if (!parts[6].isEmpty()) {
                for (String f : parts[6].split(",", -1)) {
                    fingerprints.add(Integer.parseInt(f, 16));
                }
            }
            return Optional.of(new Invalidation(kind, TenantId.of(parts[2]), parts[3], Long.parseLong(parts[4]),
                    fingerprints, parts[5]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalidation message has a malformed number", e);
        }
    }
}
