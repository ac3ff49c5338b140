package org.cim4j.tag;

import java.util.Objects;
import java.util.UUID;

/** Identifies a tag within a tenant. */
public record TagId(UUID value) implements Comparable<TagId> {
    public TagId {
        Objects.requireNonNull(value, "value");
    }

    public static TagId of(UUID value) {
        return new TagId(value);
    }

    public static TagId of(String value) {
        return new TagId(UUID.fromString(Objects.requireNonNull(value, "value")));
    }

    @Override
    public int compareTo(TagId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
