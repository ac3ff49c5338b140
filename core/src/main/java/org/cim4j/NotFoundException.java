package org.cim4j;

import java.util.Objects;

/**
 * A record that must exist does not exist for the caller's tenant. Thrown by reads that must
 * find something ({@code get}) and by writes to unknown ids; lookups that may find nothing return
 * {@link java.util.Optional} instead.
 */
public class NotFoundException extends Cim4jException {
    private static final long serialVersionUID = 1L;
    private final String entity;
    private final String id;

    public NotFoundException(String entity, String id) {
        super(entity + " " + id + " not found");
        this.entity = Objects.requireNonNull(entity, "entity");
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The kind of record, e.g. {@code "customer"}. */
    public String entity() {
        return entity;
    }

    /** The id that was looked up. */
    public String id() {
        return id;
    }
}
