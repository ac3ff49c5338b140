package org.cim4j;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A write would create a second record with a key that must be unique in the tenant (an external
 * id, a primary e-mail or phone, an order id, a tag name). Names the key kind and, when known, the
 * id of the record that already holds it, never the key's value (it may be personal data).
 */
public class DuplicateException extends Cim4jException {
    private static final long serialVersionUID = 1L;
    private final String entity;
    private final String key;
    private final @Nullable String existingId;

    /**
     * @param entity     kind of record, e.g. {@code "customer"}
     * @param key        which unique key clashed, e.g. {@code "externalId"} or {@code "primaryEmail"}
     * @param existingId id of the record already holding the key, if known
     */
    public DuplicateException(String entity, String key, @Nullable String existingId) {
        this(entity, key, existingId, null);
    }

    public DuplicateException(String entity, String key, @Nullable String existingId, @Nullable Throwable cause) {
        super(entity + " with the same " + key + " already exists"
                + (existingId == null ? "" : ": " + existingId), cause);
        this.entity = Objects.requireNonNull(entity, "entity");
        this.key = Objects.requireNonNull(key, "key");
        this.existingId = existingId;
    }

    public String entity() {
        return entity;
    }

    /** The unique key that clashed, e.g. {@code "externalId"}. */
    public String key() {
        return key;
    }

    /** Id of the record that already holds the key, when the store could tell. */
    public Optional<String> existingId() {
        return Optional.ofNullable(existingId);
    }
}
