package org.cim4j.benchmarks.peer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cim4j.customer.Customer;
import org.cim4j.customer.NewCustomer;
import org.jspecify.annotations.Nullable;

/**
 * The customer aggregate as a hand-written JDBC DAO would hold it: plain strings, UUIDs and
 * {@code java.time} values, no domain types, no validation. Carries the same information as cim4j's
 * {@link Customer}, so {@link #from(Customer)} lets a test check that the raw peer reads back
 * exactly what cim4j reads.
 */
public record RawCustomer(String tenantId, UUID id, long version, String status, @Nullable UUID mergedInto,
                          String stage, String displayName, @Nullable String givenName, @Nullable String familyName,
                          @Nullable LocalDate birthDate, @Nullable String gender, @Nullable String sourceChannel,
                          Instant createdAt, Instant updatedAt, List<Contact> contacts, List<Address> addresses,
                          Set<String> externalIds, Map<String, Attribute> attributes, Set<UUID> tags) {

    public RawCustomer {
        Objects.requireNonNull(id, "id");
        contacts = List.copyOf(contacts);
        addresses = List.copyOf(addresses);
        externalIds = Set.copyOf(externalIds);
        attributes = Map.copyOf(attributes);
        tags = Set.copyOf(tags);
    }

    /** A row of {@code customer_contact}. */
    public record Contact(String type, String value, boolean primary, boolean verified) {
    }

    /** A row of {@code customer_address}. */
    public record Address(String label, List<String> lines, @Nullable String city, @Nullable String region,
                          @Nullable String postalCode, String countryCode, boolean primary) {
        public Address {
            lines = List.copyOf(lines);
        }
    }

    /** A row of {@code customer_attribute}: the type name and canonical text. */
    public record Attribute(String type, String text) {
    }

    /** The same information as a cim4j customer, for comparisons. */
    public static RawCustomer from(Customer c) {
        return new RawCustomer(c.tenant().value(), c.id().value(), c.version(), c.status().name(),
                c.mergedInto() == null ? null : c.mergedInto().value(), c.stage().name(), c.person().displayName(),
                c.person().givenName(), c.person().familyName(), c.person().birthDate(),
                c.person().gender() == null ? null : c.person().gender().code(),
                c.sourceChannel() == null ? null : c.sourceChannel().code(), c.createdAt(), c.updatedAt(),
                c.contacts().stream().map(p -> new Contact(p.type().code(), p.value(), p.primary(), p.verified()))
                        .toList(),
                c.addresses().stream().map(a -> new Address(a.label(), a.lines(), a.city(), a.region(), a.postalCode(),
                        a.countryCode(), a.primary())).toList(),
                c.externalIds().stream().map(e -> e.key()).collect(Collectors.toSet()),
                c.attributes().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> new Attribute(e.getValue().type().name(), e.getValue().asText()))),
                c.tags().stream().map(t -> t.value()).collect(Collectors.toSet()));
    }

    /**
     * What a hand-written service makes of a creation request: a fresh id, version 1, ACTIVE,
     * timestamps {@code now} truncated to microseconds (the column precision). Input values are taken
     * as they are (the generated ones are already normalised); nothing is validated.
     */
    public static RawCustomer create(String tenantId, UUID id, NewCustomer n, Instant now) {
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return new RawCustomer(tenantId, id, 1, "ACTIVE", null, n.stage().name(), n.displayName(), n.givenName(),
                n.familyName(), n.birthDate(), n.gender() == null ? null : n.gender().code(),
                n.sourceChannel() == null ? null : n.sourceChannel().code(), at, at,
                n.contacts().stream().map(p -> new Contact(p.type().code(), p.value(), p.primary(), p.verified()))
                        .toList(),
                n.addresses().stream().map(a -> new Address(a.label(), a.lines(), a.city(), a.region(), a.postalCode(),
                        a.countryCode(), a.primary())).toList(),
                n.externalIds().stream().map(e -> e.key()).collect(Collectors.toSet()),
                n.attributes().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> new Attribute(e.getValue().type().name(), e.getValue().asText()))),
                n.tags().stream().map(t -> t.value()).collect(Collectors.toSet()));
    }

    @Override
    public String toString() {
        return "RawCustomer[id=" + id + ", version=" + version + "]";
    }
}
