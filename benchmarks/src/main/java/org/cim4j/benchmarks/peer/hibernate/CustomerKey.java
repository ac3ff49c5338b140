package org.cim4j.benchmarks.peer.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Composite primary key of {@code customer}: {@code (tenant_id, id)}, as cim4j's schema defines it. */
@Embeddable
public class CustomerKey implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "id")
    private UUID id;

    protected CustomerKey() {
    }

    public CustomerKey(String tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    public String tenantId() {
        return tenantId;
    }

    public UUID id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerKey k && k.tenantId.equals(tenantId) && k.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }
}
