package org.cim4j.tag;

import java.time.Instant;
import java.util.Objects;
import org.cim4j.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A label on customers such as {@code VIP}, {@code new} or {@code potential}, grouped (e.g. group
 * {@code value}: VIP / important / normal). Names are unique per tenant.
 *
 * @param id          id
 * @param tenant      owning tenant
 * @param name        1–64 characters, unique in the tenant (case-sensitive)
 * @param group       optional group name
 * @param description optional text
 * @param kind        manual or rule-based
 * @param createdAt   creation time
 */
public record Tag(TagId id, TenantId tenant, String name, @Nullable String group, @Nullable String description,
                  TagKind kind, Instant createdAt) {
    public Tag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
