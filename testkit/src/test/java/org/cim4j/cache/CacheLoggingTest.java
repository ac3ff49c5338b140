package org.cim4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cim4j.cache.CacheFixtures.TENANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.ExternalId;
import org.cim4j.memory.InMemoryStorage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CacheLoggingTest {
    private static final String NAME = "Alice Wonderland";
    private static final String EMAIL = "alice.w@example.com";
    private static final String PHONE = "+8613800138000";
    private static final String MEMBER_NO = "778899";

    @Test
    @DisplayName("DEBUG lines and bus messages carry ids, versions and counts, never personal data")
    void debugLines_carryNoPersonalData() {
        CacheFixtures fx = new CacheFixtures(3);
        InProcessInvalidationBus bus = InProcessInvalidationBus.create();
        List<String> published = new ArrayList<>();
        bus.subscribe(new InvalidationBus.Listener() {
            @Override
            public void onInvalidation(Invalidation message) {
                published.add(message.encode());
                published.add(message.toString());
            }

            @Override
            public void onGap() {
            }
        });
        List<String> lines = new ArrayList<>();
        InMemoryStorage storage = InMemoryStorage.create();
        CachingStorageProvider a = CachingStorageProvider.wrap(storage, CacheSettings.defaults().withInvalidationBus(bus),
                fx.clock, false);
        CachingStorageProvider b = CachingStorageProvider.wrap(storage, CacheSettings.defaults().withInvalidationBus(bus),
                fx.clock, false);
        a.debugTap((template, args) -> lines.add(template + " " + Arrays.deepToString(args)));
        b.debugTap((template, args) -> lines.add(template + " " + Arrays.deepToString(args)));

        ExternalId pos = ExternalId.of("pos:member", MEMBER_NO);
        Customer c = fx.customer(TENANT, NAME, EMAIL, pos)
                .withContacts(List.of(ContactPoint.email(EMAIL), ContactPoint.phone(PHONE)));
        a.write(s -> {
            s.customers().insert(c);
            return null;
        });
        b.read(s -> s.customers().findByContact(TENANT, ContactType.EMAIL, EMAIL));
        b.read(s -> s.customers().findByExternalId(TENANT, pos));
        a.write(s -> {
            s.customers().update(fx.next(c));
            return null;
        });
        b.invalidateAll();
        a.close();
        b.close();
        storage.close();

        assertThat(lines).anyMatch(l -> l.contains(c.id().toString()));
        assertThat(lines).anyMatch(l -> l.contains("hitRate"));
        assertThat(published).isNotEmpty();
        List<String> all = new ArrayList<>(lines);
        all.addAll(published);
        assertThat(all).allSatisfy(l -> assertThat(l)
                .doesNotContain(NAME).doesNotContain("Alice").doesNotContain(EMAIL).doesNotContain("example.com")
                .doesNotContain(PHONE).doesNotContain("13800138000").doesNotContain(MEMBER_NO));
    }
}
