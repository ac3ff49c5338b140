package org.cim4j.benchmarks.peer.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A row of {@code customer_external_id}. */
@Embeddable
public class ExternalIdEmbeddable {
    @Column(name = "ext_system")
    String system;
    @Column(name = "ext_value")
    String value;

    @Override
    public boolean equals(Object o) {
        return o instanceof ExternalIdEmbeddable e && Objects.equals(e.system, system) && Objects.equals(e.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(system, value);
    }
}
