package org.cim4j;

import java.util.Objects;
import java.util.Set;

/**
 * Who calls a service: an actor id (a user, an agent, a job), the tenant whose data the call may
 * touch, and roles a permission policy can check. Every service call runs as one principal; the
 * tenant comes from here, never from the arguments, so no call can reach another tenant's data.
 *
 * @param id     actor id written to audit trails and ledger entries, e.g. {@code "agent-7"}
 * @param tenant the only tenant this principal can read or write
 * @param roles  role names, e.g. {@code "admin"}, {@code "agent"}
 */
public record Principal(String id, TenantId tenant, Set<String> roles) {
    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
        if (id.isBlank()) {
            throw new IllegalArgumentException("principal id must not be blank");
        }
    }

    /** A principal with the given roles. */
    public static Principal of(String id, TenantId tenant, String... roles) {
        return new Principal(id, tenant, Set.of(roles));
    }

    /** The built-in system actor of a tenant, used when the host does not say who calls. */
    public static Principal system(TenantId tenant) {
        return new Principal("system", tenant, Set.of("system"));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
