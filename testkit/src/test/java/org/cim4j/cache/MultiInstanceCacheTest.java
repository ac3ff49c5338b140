package org.cim4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cim4j.cache.CacheFixtures.TENANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.tag.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two cached instances ("hosts") on one shared store, kept coherent by an in-process bus. */
class MultiInstanceCacheTest {
    private final CacheFixtures fx = new CacheFixtures(11);
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final InProcessInvalidationBus bus = InProcessInvalidationBus.create();
    private final RecordingBus recording = new RecordingBus(bus);
    private final CachingStorageProvider a = host(CacheSettings.defaults().withInvalidationBus(recording));
    private final CachingStorageProvider b = host(CacheSettings.defaults().withInvalidationBus(recording));

    private CachingStorageProvider host(CacheSettings settings) {
        return CachingStorageProvider.wrap(storage, settings, fx.clock, false);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
        storage.close();
    }

    private static <T> Optional<T> readOptional(StorageProvider p, StorageWork<Optional<T>> work) {
        return p.read(work);
    }

    private static <T> List<T> readList(StorageProvider p, StorageWork<List<T>> work) {
        return p.read(work);
    }

    private static void write(StorageProvider p, StorageWork<?> work) {
        p.write(work);
    }

    @Test
    @DisplayName("a write on A is seen by B's next read")
    void writeOnA_readOnB() {
        Customer c = fx.customer(TENANT, "A", "a@example.com");
        write(a, s -> {
            s.customers().insert(c);
            return null;
        });
        assertThat(readOptional(b, s -> s.customers().findById(TENANT, c.id()))).contains(c);
        assertThat(readOptional(b, s -> s.customers().findById(TENANT, c.id()))).contains(c);

        Customer v2 = fx.next(c.withStage(LifecycleStage.ACTIVE));
        write(a, s -> {
            s.customers().update(v2);
            return null;
        });

        assertThat(readOptional(b, s -> s.customers().findById(TENANT, c.id()))).contains(v2);
        assertThat(b.stats().get(0).invalidations()).isEqualTo(1);
    }

    @Test
    @DisplayName("B's cached 'not found' by id, contact and external id is dropped when A inserts")
    void negativeEntriesOnB_droppedByInsertOnA() {
        ExternalId pos = ExternalId.of("pos:member", "4711");
        Customer c = fx.customer(TENANT, "A", "a@example.com", pos);
        assertThat(readOptional(b, s -> s.customers().findById(TENANT, c.id()))).isEmpty();
        assertThat(readList(b, s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "a@example.com"))).isEmpty();
        assertThat(readOptional(b, s -> s.customers().findByExternalId(TENANT, pos))).isEmpty();

        write(a, s -> {
            s.customers().insert(c);
            return null;
        });

        assertThat(readOptional(b, s -> s.customers().findById(TENANT, c.id()))).contains(c);
        assertThat(readList(b, s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "a@example.com")))
                .containsExactly(c);
        assertThat(readOptional(b, s -> s.customers().findByExternalId(TENANT, pos))).contains(c);
    }

    @Test
    @DisplayName("a contact change on A moves B's lookups, though messages carry no contact value")
    void contactChangeOnA_movesLookupsOnB() {
        Customer c = fx.customer(TENANT, "A", "old@example.com");
        write(a, s -> {
            s.customers().insert(c);
            return null;
        });
        assertThat(readList(b, s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "old@example.com")))
                .containsExactly(c);
        assertThat(readList(b, s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "new@example.com")))
                .isEmpty();

        Customer v2 = fx.next(c.withContacts(List.of(ContactPoint.email("new@example.com"))));
        write(a, s -> {
            s.customers().update(v2);
            return null;
        });

        assertThat(readList(b, s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "old@example.com")))
                .isEmpty();
        assertThat(readList(b, s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "new@example.com")))
                .containsExactly(v2);
        assertThat(recording.encoded).isNotEmpty().noneMatch(m -> m.contains("example.com") || m.contains("old@")
                || m.contains("new@"));
    }

    @Test
    @DisplayName("a tag created on A appears in B's cached tag list")
    void tagOnA_appearsOnB() {
        assertThat(readList(b, s -> s.tags().list(TENANT))).isEmpty();
        Tag vip = fx.tag(TENANT, "VIP");
        write(a, s -> {
            s.tags().insert(vip);
            return null;
        });
        assertThat(readList(b, s -> s.tags().list(TENANT))).containsExactly(vip);
    }

    @Test
    @DisplayName("an instance ignores its own messages echoed back by the bus")
    void ownMessages_ignored() {
        Customer c = fx.customer(TENANT, "A", "a@example.com");
        write(a, s -> {
            s.customers().insert(c);
            return null;
        });
        readOptional(a, s -> s.customers().findById(TENANT, c.id()));
        recording.messages.forEach(bus::publish); // echo A's insert message again
        assertThat(readOptional(a, s -> s.customers().findById(TENANT, c.id()))).contains(c);
        assertThat(a.stats().get(0).hits()).isEqualTo(1);
    }

    @Test
    @DisplayName("a gap signal (lost messages) drops everything B cached")
    void gap_dropsEverything() {
        Customer c = fx.customer(TENANT, "A", "a@example.com");
        write(a, s -> {
            s.customers().insert(c);
            return null;
        });
        readOptional(b, s -> s.customers().findById(TENANT, c.id()));
        Customer v2 = fx.next(c.withExternalIds(Set.of(ExternalId.of("shop:user", "9"))));
        storage.write(s -> { // a writer that published nothing
            s.customers().update(v2);
            return null;
        });
        assertThat(readOptional(b, s -> s.customers().findById(TENANT, c.id()))).contains(c);

        bus.signalGap();

        assertThat(readOptional(b, s -> s.customers().findById(TENANT, c.id()))).contains(v2);
    }

    @Test
    @DisplayName("an instance with caching off still tells the others about its writes")
    void cachingOffInstance_stillPublishes() {
        CachingStorageProvider off = host(CacheSettings.builder().enabled(false).invalidationBus(bus).build());
        try {
            Customer c = fx.customer(TENANT, "A", "a@example.com");
            write(off, s -> {
                s.customers().insert(c);
                return null;
            });
            readOptional(b, s -> s.customers().findById(TENANT, c.id()));
            Customer v2 = fx.next(c.withStage(LifecycleStage.ACTIVE));
            write(off, s -> {
                s.customers().update(v2);
                return null;
            });
            assertThat(readOptional(b, s -> s.customers().findById(TENANT, c.id()))).contains(v2);
            assertThat(bus.subscriberCount()).isEqualTo(2); // a and b; the uncached one does not listen
        } finally {
            off.close();
        }
    }

    @Test
    @DisplayName("closing an instance ends its subscription")
    void close_unsubscribes() {
        assertThat(bus.subscriberCount()).isEqualTo(2);
        a.close();
        a.close();
        assertThat(bus.subscriberCount()).isEqualTo(1);
    }

    /** Forwards to a bus and remembers what was published, as messages and as encoded text. */
    static final class RecordingBus implements InvalidationBus {
        final InvalidationBus target;
        final List<Invalidation> messages = new ArrayList<>();
        final List<String> encoded = new ArrayList<>();

        RecordingBus(InvalidationBus target) {
            this.target = target;
        }

        @Override
        public synchronized void publish(Invalidation message) {
            messages.add(message);
            String text = message.encode();
            encoded.add(text);
            // What a LISTEN/NOTIFY bus would do: ship the text, decode on the other side.
            target.publish(Invalidation.decode(text).orElseThrow());
        }

        @Override
        public Subscription subscribe(Listener listener) {
            return target.subscribe(listener);
        }
    }
}
