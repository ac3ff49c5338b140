package org.cim4j.customer;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cim4j.Channel;
import org.cim4j.TenantId;
import org.cim4j.tag.TagId;
import org.jspecify.annotations.Nullable;

/**
 * A customer profile: one person joined across every channel that knows them. Immutable; change
 * it with the {@code withX} methods and pass the result to {@link CustomerService#update(Customer)},
 * which checks that {@link #version()} is still the stored version.
 *
 * @param id            stable id
 * @param tenant        owning tenant
 * @param version       optimistic lock version, 1 after creation, +1 per update
 * @param status        active, merged, deleted or erased
 * @param mergedInto    survivor id when {@code status == MERGED}
 * @param stage         lifecycle stage
 * @param person        name, birth date, gender
 * @param contacts      e-mails, phones and messaging handles, normalised
 * @param addresses     postal addresses
 * @param sourceChannel channel the customer was first captured in, if known
 * @param externalIds   ids in other systems, each unique among the tenant's active customers
 * @param attributes    custom attributes declared in the {@link AttributeSchema}
 * @param tags          assigned tags
 * @param createdAt     creation time (microsecond precision)
 * @param updatedAt     last change time (microsecond precision)
 */
public record Customer(CustomerId id, TenantId tenant, long version, CustomerStatus status,
                       @Nullable CustomerId mergedInto, LifecycleStage stage, Person person,
                       List<ContactPoint> contacts, List<PostalAddress> addresses,
                       @Nullable Channel sourceChannel, Set<ExternalId> externalIds,
                       Map<String, AttributeValue> attributes, Set<TagId> tags,
                       Instant createdAt, Instant updatedAt) {

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(person, "person");
        contacts = List.copyOf(contacts);
        addresses = List.copyOf(addresses);
        externalIds = Set.copyOf(externalIds);
        attributes = Map.copyOf(attributes);
        tags = Set.copyOf(tags);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        if ((status == CustomerStatus.MERGED) != (mergedInto != null)) {
            throw new IllegalArgumentException("mergedInto must be set exactly when status is MERGED");
        }
    }

    public boolean isActive() {
        return status == CustomerStatus.ACTIVE;
    }

    /** The primary contact of a type, if any. */
    public Optional<ContactPoint> primaryContact(ContactType type) {
        return contacts.stream().filter(c -> c.type().equals(type) && c.primary()).findFirst();
    }

    public Optional<String> primaryEmail() {
        return primaryContact(ContactType.EMAIL).map(ContactPoint::value);
    }

    public Optional<String> primaryPhone() {
        return primaryContact(ContactType.PHONE).map(ContactPoint::value);
    }

    public Optional<AttributeValue> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public boolean hasTag(TagId tag) {
        return tags.contains(tag);
    }

    public Customer withStage(LifecycleStage s) {
        return new Customer(id, tenant, version, status, mergedInto, s, person, contacts, addresses,
                sourceChannel, externalIds, attributes, tags, createdAt, updatedAt);
    }

    public Customer withPerson(Person p) {
        return new Customer(id, tenant, version, status, mergedInto, stage, p, contacts, addresses,
                sourceChannel, externalIds, attributes, tags, createdAt, updatedAt);
    }

    public Customer withContacts(List<ContactPoint> c) {
        return new Customer(id, tenant, version, status, mergedInto, stage, person, c, addresses,
                sourceChannel, externalIds, attributes, tags, createdAt, updatedAt);
    }

    public Customer withAddresses(List<PostalAddress> a) {
        return new Customer(id, tenant, version, status, mergedInto, stage, person, contacts, a,
                sourceChannel, externalIds, attributes, tags, createdAt, updatedAt);
    }

    public Customer withSourceChannel(@Nullable Channel ch) {
        return new Customer(id, tenant, version, status, mergedInto, stage, person, contacts, addresses,
                ch, externalIds, attributes, tags, createdAt, updatedAt);
    }

    public Customer withExternalIds(Set<ExternalId> ids) {
        return new Customer(id, tenant, version, status, mergedInto, stage, person, contacts, addresses,
                sourceChannel, ids, attributes, tags, createdAt, updatedAt);
    }

    public Customer withAttributes(Map<String, AttributeValue> attrs) {
        return new Customer(id, tenant, version, status, mergedInto, stage, person, contacts, addresses,
                sourceChannel, externalIds, attrs, tags, createdAt, updatedAt);
    }

    /** Sets one attribute, or removes it when {@code value} is null. */
    public Customer withAttribute(String name, @Nullable AttributeValue value) {
        Map<String, AttributeValue> copy = new HashMap<>(attributes);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return withAttributes(copy);
    }

    public Customer withTags(Set<TagId> t) {
        return new Customer(id, tenant, version, status, mergedInto, stage, person, contacts, addresses,
                sourceChannel, externalIds, attributes, t, createdAt, updatedAt);
    }

    public Customer withTag(TagId tag) {
        Set<TagId> copy = new HashSet<>(tags);
        copy.add(tag);
        return withTags(copy);
    }

    public Customer withoutTag(TagId tag) {
        Set<TagId> copy = new HashSet<>(tags);
        copy.remove(tag);
        return withTags(copy);
    }

    /**
     * Storage-level copy with new bookkeeping fields. Used by the engine and adapters; hosts change
     * status through {@link CustomerService} instead.
     */
    public Customer withBookkeeping(long newVersion, CustomerStatus newStatus, @Nullable CustomerId newMergedInto,
                                    Instant newUpdatedAt) {
        return new Customer(id, tenant, newVersion, newStatus, newMergedInto, stage, person, contacts, addresses,
                sourceChannel, externalIds, attributes, tags, createdAt, newUpdatedAt);
    }

    @Override
    public String toString() {
        // Personal data stays out of toString so a stray log line cannot leak it.
        return "Customer[id=" + id + ", tenant=" + tenant + ", version=" + version + ", status=" + status
                + ", stage=" + stage + "]";
    }
}
