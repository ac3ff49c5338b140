package org.cim4j;

import java.util.Objects;

/**
 * Optimistic lock failure: the caller updated a record from version {@code expected} but the
 * stored record is at another version, because someone else wrote it in between. Re-read and
 * retry. (Issues call this "ConcurrentModificationException"; the name avoids java.util's.)
 */
public class VersionConflictException extends Cim4jException {
    private static final long serialVersionUID = 1L;
    private final String entity;
    private final String id;
    private final long expectedVersion;

    public VersionConflictException(String entity, String id, long expectedVersion) {
        super(entity + " " + id + " was modified concurrently: expected version " + expectedVersion);
        this.entity = Objects.requireNonNull(entity, "entity");
        this.id = Objects.requireNonNull(id, "id");
        this.expectedVersion = expectedVersion;
    }

    public String entity() {
        return entity;
    }

    public String id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
