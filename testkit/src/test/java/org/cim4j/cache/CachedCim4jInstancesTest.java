package org.cim4j.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cim4j.Cim4j;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.NewCustomer;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two {@link Cim4j} "hosts" with caches on one shared store, through the public API only. */
class CachedCim4jInstancesTest {
    private final MutableClock clock = MutableClock.startingAtDefault();
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final InProcessInvalidationBus bus = InProcessInvalidationBus.create();
    private final Cim4j hostA = host(1);
    private final Cim4j hostB = host(2);

    private Cim4j host(long seed) {
        return Cim4j.builder()
                .sharedStorage(storage)
                .cache(CacheSettings.defaults().withInvalidationBus(bus))
                .clock(clock)
                .idGenerator(IdGenerator.seeded(clock, seed))
                .tenant(TenantId.of("shop-1"))
                .build();
    }

    @AfterEach
    void close() {
        hostA.close();
        hostB.close();
        storage.close();
    }

    @Test
    @DisplayName("a customer updated on host A is read fresh on host B, whose cache served it before")
    void updateOnA_visibleOnB() {
        Customer created = hostA.customers().create(NewCustomer.builder().name("王小明").email("xm@example.com").build());
        assertThat(hostB.customers().get(created.id())).isEqualTo(created);
        assertThat(hostB.customers().get(created.id())).isEqualTo(created);

        Customer updated = hostA.customers().update(created.withStage(LifecycleStage.ACTIVE));

        assertThat(hostB.customers().get(created.id())).isEqualTo(updated);
        assertThat(hostB.customers().findByContact(ContactType.EMAIL, "xm@example.com")).containsExactly(updated);
        assertThat(hostB.cacheStats()).extracting(CacheStats::cache).containsExactly("customers", "lookups", "tagLists",
                "loyaltyAccounts", "loyaltyPrograms");
        assertThat(hostB.cacheStats().get(0).hits()).isPositive();
    }

    @Test
    @DisplayName("fresh() reads past the cache and sees a write the cache could not know about")
    void fresh_seesUnannouncedWrite() {
        Customer created = hostA.customers().create(NewCustomer.builder().name("Anna").email("anna@example.com").build());
        hostB.customers().get(created.id());
        Customer churned = created.withStage(LifecycleStage.CHURNED)
                .withBookkeeping(created.version() + 1, created.status(), null, created.updatedAt());
        storage.write(s -> { // a writer that tells no bus
            s.customers().update(churned);
            return null;
        });

        assertThat(hostB.customers().get(created.id()).stage()).isEqualTo(LifecycleStage.LEAD);
        assertThat(hostB.fresh().customers().get(created.id()).stage()).isEqualTo(LifecycleStage.CHURNED);
        assertThat(hostB.customers().get(created.id()).stage()).isEqualTo(LifecycleStage.CHURNED);
    }

    @Test
    @DisplayName("storage() is the caching wrapper around the shared adapter")
    void storage_isWrapper() {
        assertThat(hostA.storage()).isInstanceOf(CachingStorageProvider.class);
        assertThat(((CachingStorageProvider) hostA.storage()).delegate()).isSameAs(storage);
        assertThat(List.of(hostA.storage(), hostB.storage())).doesNotHaveDuplicates();
    }
}
