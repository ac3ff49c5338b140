package org.cim4j.cache;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.Person;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;
import org.cim4j.tag.TagKind;
import org.cim4j.testkit.MutableClock;

/** Builds records for the cache tests with a seeded id source and a mutable clock. */
final class CacheFixtures {
    static final TenantId TENANT = TenantId.of("cache-a");
    static final TenantId OTHER = TenantId.of("cache-b");

    final MutableClock clock = MutableClock.startingAtDefault();
    private final IdGenerator ids;

    CacheFixtures(long seed) {
        this.ids = IdGenerator.seeded(clock, seed);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    Customer customer(TenantId tenant, String name, String email) {
        return new Customer(CustomerId.of(ids.next()), tenant, 1, CustomerStatus.ACTIVE, null, LifecycleStage.LEAD,
                Person.named(name), List.of(ContactPoint.email(email)), List.of(), null, Set.of(), Map.of(), Set.of(),
                now(), now());
    }

    Customer customer(TenantId tenant, String name, String email, ExternalId externalId) {
        return customer(tenant, name, email).withExternalIds(Set.of(externalId));
    }

    /** The stored successor of {@code c}: same fields, version + 1. */
    Customer next(Customer c) {
        return c.withBookkeeping(c.version() + 1, c.status(), c.mergedInto(), now());
    }

    Tag tag(TenantId tenant, String name) {
        return new Tag(TagId.of(ids.next()), tenant, name, null, null, TagKind.MANUAL, now());
    }
}
