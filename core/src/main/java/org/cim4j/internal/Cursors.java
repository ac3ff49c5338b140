package org.cim4j.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;
import org.cim4j.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Encodes keyset positions as opaque page cursors and decodes them again.
 *
 * <p>Layout (then base64url without padding): format version, kind (customers, timeline, history),
 * sort ordinal, an 8-byte hash of the query the cursor belongs to, the keyset (an instant as
 * seconds + nanos when the sort needs one, and an id), and a CRC32 over everything before it.
 * A cursor holds no personal data: a name-sorted position stores only the id, and the engine re-reads
 * that record for its sort key. Anything that does not decode, was altered, or belongs to another
 * query or kind is rejected with a {@link ValidationException} on field {@code cursor}.
 */
final class Cursors {
    static final byte VERSION = 1;
    private static final int HASH_BYTES = 8;

    /** What a cursor pages through. */
    enum Kind {
        CUSTOMERS, TIMELINE, HISTORY
    }

    /**
     * A decoded position.
     *
     * @param sort ordinal of the sort the cursor was made for
     * @param at   the instant of the keyset, or null when the sort has none
     * @param id   the id of the last item returned
     */
    record Position(int sort, @Nullable Instant at, UUID id) {
    }

    private Cursors() {
    }

    /** Encodes a position of {@code kind} for the query identified by {@code queryKey}. */
    static String encode(Kind kind, String queryKey, int sort, @Nullable Instant at, UUID id) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(kind.ordinal());
            out.writeByte(sort);
            out.write(hash(kind, queryKey));
            out.writeBoolean(at != null);
            if (at != null) {
                out.writeLong(at.getEpochSecond());
                out.writeInt(at.getNano());
            }
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] all = Arrays.copyOf(body, body.length + 4);
        int c = (int) crc.getValue();
        all[body.length] = (byte) (c >>> 24);
        all[body.length + 1] = (byte) (c >>> 16);
        all[body.length + 2] = (byte) (c >>> 8);
        all[body.length + 3] = (byte) c;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    }

    /**
     * Decodes a cursor made by {@link #encode} for the same kind and query.
     *
     * @throws ValidationException (field {@code cursor}) if it is malformed, altered, or made for
     *                             another query, sort or kind
     */
    static Position decode(String cursor, Kind kind, String queryKey, int sort) {
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor returned by this query");
        }
        if (all.length < 4 + 3 + HASH_BYTES + 1 + 16) {
            throw invalid("is not a cursor returned by this query");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 4);
        int expected = (int) crc.getValue();
        int actual = (all[all.length - 4] & 0xFF) << 24 | (all[all.length - 3] & 0xFF) << 16
                | (all[all.length - 2] & 0xFF) << 8 | (all[all.length - 1] & 0xFF);
        if (expected != actual) {
            throw invalid("is damaged or was altered");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 4))) {
            if (in.readByte() != VERSION) {
                throw invalid("has an unsupported format version");
            }
            if (in.readByte() != kind.ordinal()) {
                throw invalid("belongs to another kind of listing");
            }
            int cursorSort = in.readByte();
            byte[] h = new byte[HASH_BYTES];
            in.readFully(h);
            if (cursorSort != sort || !MessageDigest.isEqual(h, hash(kind, queryKey))) {
                throw invalid("was made for a different query; start again without a cursor");
            }
            Instant at = null;
            if (in.readBoolean()) {
                long seconds = in.readLong();
                int nanos = in.readInt();
                if (nanos < 0 || nanos > 999_999_999 || seconds < Instant.MIN.getEpochSecond()
                        || seconds > Instant.MAX.getEpochSecond()) {
                    throw invalid("is damaged or was altered");
                }
                at = Instant.ofEpochSecond(seconds, nanos);
            }
            UUID id = new UUID(in.readLong(), in.readLong());
            if (in.available() != 0) {
                throw invalid("is damaged or was altered");
            }
            return new Position(cursorSort, at, id);
        } catch (IOException e) {
            throw invalid("is damaged or was altered");
        }
    }

    static ValidationException invalid(String problem) {
        return ValidationException.of("page request", "cursor", problem);
    }

    private static byte[] hash(Kind kind, String queryKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(kind.name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] full = sha.digest(queryKey.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, HASH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
