package org.cim4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cim4j.cache.CacheFixtures.TENANT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.cim4j.Cim4jException;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.tag.Tag;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random interleavings of writes (committed, clashing, rolled back), reads and clock moves on two
 * cached instances sharing one store and an in-process bus: every cached read must equal what the
 * store itself answers at that moment. Small key pools make collisions, lookups and negative entries
 * frequent.
 */
class CachingStorageProviderProperties {
    private static final List<String> EMAILS = List.of("a@example.com", "b@example.com", "c@example.com");
    private static final List<ExternalId> EXTERNAL = List.of(ExternalId.of("pos", "1"), ExternalId.of("pos", "2"));

    @Property(tries = 60)
    void cachedReads_equalStoreReads(@ForAll long seed) {
        Random random = new Random(seed);
        CacheFixtures fx = new CacheFixtures(seed);
        InMemoryStorage storage = InMemoryStorage.create();
        InProcessInvalidationBus bus = InProcessInvalidationBus.create();
        CacheSettings settings = CacheSettings.builder().customerMaximumSize(4).lookupMaximumSize(4)
                .negativeTtl(Duration.ofSeconds(5)).invalidationBus(bus).build();
        List<CachingStorageProvider> hosts = List.of(
                CachingStorageProvider.wrap(storage, settings, fx.clock, false),
                CachingStorageProvider.wrap(storage, settings, fx.clock, false));
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(fx.customer(TENANT, "n", "x@example.com").id());
        }
        try {
            for (int step = 0; step < 60; step++) {
                StorageProvider host = hosts.get(random.nextInt(hosts.size()));
                CustomerId id = ids.get(random.nextInt(ids.size()));
                String email = EMAILS.get(random.nextInt(EMAILS.size()));
                ExternalId ext = EXTERNAL.get(random.nextInt(EXTERNAL.size()));
                switch (random.nextInt(9)) {
                    case 0:
                        attempt(host, s -> {
                            Optional<Customer> existing = s.customers().findById(TENANT, id);
                            if (existing.isEmpty()) {
                                s.customers().insert(withId(fx.customer(TENANT, "n", email), id));
                            }
                            return null;
                        }, false);
                        break;
                    case 1:
                    case 2:
                        boolean rollBack = random.nextInt(4) == 0;
                        boolean useExt = random.nextBoolean();
                        boolean primary = random.nextBoolean();
                        attempt(host, s -> {
                            s.customers().findById(TENANT, id).ifPresent(c -> s.customers().update(fx.next(c
                                    .withContacts(List.of(ContactPoint.email(email).withPrimary(primary)))
                                    .withExternalIds(useExt ? Set.of(ext) : Set.of())
                                    .withStage(LifecycleStage.values()[random.nextInt(LifecycleStage.values().length)]))));
                            return null;
                        }, rollBack);
                        break;
                    case 3:
                        attempt(host, s -> {
                            s.tags().insert(fx.tag(TENANT, "t" + random.nextInt(3)));
                            return null;
                        }, random.nextInt(4) == 0);
                        break;
                    case 4:
                        fx.clock.advance(Duration.ofSeconds(random.nextInt(8)));
                        break;
                    case 5:
                        assertThat(readOptional(host, s -> s.customers().findById(TENANT, id)))
                                .isEqualTo(readOptional(storage, s -> s.customers().findById(TENANT, id)));
                        break;
                    case 6:
                        assertThat(readList(host, s -> s.customers().findByContact(TENANT, ContactType.EMAIL, email)))
                                .isEqualTo(readList(storage, s -> s.customers().findByContact(TENANT, ContactType.EMAIL, email)));
                        break;
                    case 7:
                        assertThat(readOptional(host, s -> s.customers().findByExternalId(TENANT, ext)))
                                .isEqualTo(readOptional(storage, s -> s.customers().findByExternalId(TENANT, ext)));
                        break;
                    default:
                        List<Tag> expected = readList(storage, s -> s.tags().list(TENANT));
                        assertThat(readList(host, s -> s.tags().list(TENANT))).isEqualTo(expected);
                        break;
                }
            }
        } finally {
            hosts.forEach(CachingStorageProvider::close);
            storage.close();
        }
    }

    private static Customer withId(Customer c, CustomerId id) {
        return new Customer(id, c.tenant(), c.version(), c.status(), c.mergedInto(), c.stage(), c.person(),
                c.contacts(), c.addresses(), c.sourceChannel(), c.externalIds(), c.attributes(), c.tags(),
                c.createdAt(), c.updatedAt());
    }

    /** Runs a write; clashes (duplicates) and deliberate rollbacks are expected outcomes. */
    private static void attempt(StorageProvider host, StorageWork<Void> work, boolean rollBack) {
        try {
            host.write(s -> {
                work.execute(s);
                if (rollBack) {
                    throw new RolledBack();
                }
                return null;
            });
        } catch (RolledBack | Cim4jException expected) {
            // nothing committed
        }
    }

    private static <T> Optional<T> readOptional(StorageProvider p, StorageWork<Optional<T>> work) {
        return p.read(work);
    }

    private static <T> List<T> readList(StorageProvider p, StorageWork<List<T>> work) {
        return p.read(work);
    }

    static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RolledBack() {
            super("rolled back on purpose");
        }
    }
}
