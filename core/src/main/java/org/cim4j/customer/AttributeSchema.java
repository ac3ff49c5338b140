package org.cim4j.customer;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The custom attributes customers may carry. Attributes not declared here are rejected, so typos
 * and wrong types are caught on input instead of polluting the data.
 */
public record AttributeSchema(Map<String, AttributeDefinition> definitions) {
    /** A schema that declares nothing: any custom attribute is rejected. */
    public static final AttributeSchema EMPTY = new AttributeSchema(Map.of());

    public AttributeSchema {
        definitions = Map.copyOf(definitions);
        definitions.forEach((k, v) -> {
            if (!k.equals(v.name())) {
                throw new IllegalArgumentException("attribute key '" + k + "' differs from definition name '" + v.name() + "'");
            }
        });
    }

    public static AttributeSchema of(AttributeDefinition... defs) {
        return of(Arrays.asList(defs));
    }

    public static AttributeSchema of(Collection<AttributeDefinition> defs) {
        Map<String, AttributeDefinition> map = new LinkedHashMap<>();
        for (AttributeDefinition d : defs) {
            if (map.putIfAbsent(d.name(), d) != null) {
                throw new IllegalArgumentException("attribute '" + d.name() + "' declared twice");
            }
        }
        return new AttributeSchema(map);
    }

    public Optional<AttributeDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }
}
