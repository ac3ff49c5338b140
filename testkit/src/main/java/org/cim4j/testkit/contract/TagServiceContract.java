package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.testkit.contract.ServiceFixtures.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cim4j.Cim4j;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.PageRequest;
import org.cim4j.ValidationException;
import org.cim4j.VersionConflictException;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.NewCustomer;
import org.cim4j.tag.NewTag;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;
import org.cim4j.tag.TagKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tag service behaviour on the adapter under test: unique names, idempotent assignment that survives
 * concurrent customer updates, listing customers by tag, and tenant isolation.
 */
public abstract class TagServiceContract extends AdapterContract {

    @Test
    void create_findAndListByName() {
        Cim4j crm = crm();
        Tag vip = crm.tags().create(NewTag.of("VIP", "value"));
        Tag normal = crm.tags().create(new NewTag("normal", "value", "everyone else", TagKind.RULE));
        Tag important = crm.tags().create(NewTag.of("important"));

        assertThat(crm.tags().get(vip.id())).isEqualTo(vip);
        assertThat(crm.tags().findByName("normal")).contains(normal);
        assertThat(crm.tags().findByName("vip")).isEmpty();
        assertThat(crm.tags().list()).containsExactly(vip, important, normal);
        assertThat(normal.kind()).isEqualTo(TagKind.RULE);
        assertThat(vip.tenant()).isEqualTo(TENANT);
    }

    @Test
    void create_duplicateName_namesExistingTag() {
        Cim4j crm = crm();
        Tag vip = crm.tags().create(NewTag.of("VIP"));

        assertThatThrownBy(() -> crm.tags().create(NewTag.of(" VIP ")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> {
                    assertThat(e.key()).isEqualTo("name");
                    assertThat(e.existingId()).contains(vip.id().toString());
                });
        assertThat(crm.tags().list()).hasSize(1);
    }

    @Test
    void create_invalid_rejected() {
        Cim4j crm = crm();
        assertThatThrownBy(() -> crm.tags().create(new NewTag(" ", "g".repeat(65), null, TagKind.MANUAL)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("group", "name"));
        assertThatThrownBy(() -> crm.tags().get(TagId.of("00000000-0000-7000-8000-0000000000aa")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void assign_isIdempotent() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Tag vip = crm.tags().create(NewTag.of("VIP"));

        Customer tagged = crm.tags().assign(c.id(), vip.id());
        Customer again = crm.tags().assign(c.id(), vip.id());

        assertThat(tagged.hasTag(vip.id())).isTrue();
        assertThat(tagged.version()).isEqualTo(2);
        assertThat(again).isEqualTo(tagged);
    }

    @Test
    void unassign_isIdempotent() {
        Cim4j crm = crm();
        Tag vip = crm.tags().create(NewTag.of("VIP"));
        Customer c = crm.customers().create(NewCustomer.builder().name("A").tag(vip.id()).build());

        Customer untagged = crm.tags().unassign(c.id(), vip.id());
        Customer again = crm.tags().unassign(c.id(), vip.id());

        assertThat(c.hasTag(vip.id())).isTrue();
        assertThat(untagged.tags()).isEmpty();
        assertThat(untagged.version()).isEqualTo(2);
        assertThat(again).isEqualTo(untagged);
    }

    @Test
    void assign_unknownCustomerOrTag_notFound() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Tag vip = crm.tags().create(NewTag.of("VIP"));

        assertThatThrownBy(() -> crm.tags().assign(c.id(), TagId.of("00000000-0000-7000-8000-0000000000aa")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("tag"));
        assertThatThrownBy(() -> crm.tags().assign(CustomerId.of("00000000-0000-7000-8000-0000000000ab"), vip.id()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("customer"));
    }

    @Test
    void assign_deletedCustomer_rejected() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Tag vip = crm.tags().create(NewTag.of("VIP"));
        crm.customers().delete(c.id());

        assertThatThrownBy(() -> crm.tags().assign(c.id(), vip.id())).isInstanceOf(ValidationException.class);
    }

    @Test
    void customersWith_pagesTaggedActiveCustomers() {
        Cim4j crm = crm();
        Tag vip = crm.tags().create(NewTag.of("VIP"));
        List<CustomerId> tagged = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Customer c = crm.customers().create(customer(i));
            if (i % 2 == 0) {
                tagged.add(crm.tags().assign(c.id(), vip.id()).id());
            }
        }
        crm.customers().delete(tagged.remove(3));

        List<CustomerId> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            var page = crm.tags().customersWith(vip.id(), request);
            page.items().forEach(c -> seen.add(c.id()));
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page).orElseThrow();
        }
        assertThat(seen).containsExactlyElementsOf(tagged);
    }

    @Test
    @DisplayName("assigning a tag while the profile is updated concurrently never loses the tag")
    void assign_concurrentWithUpdate() throws Exception {
        Cim4j crm = crm();
        Tag vip = crm.tags().create(NewTag.of("VIP"));
        for (int round = 0; round < 10; round++) {
            Customer c = crm.customers().create(customer(round));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Customer> assign = pool.submit(() -> {
                    start.await();
                    return crm.tags().assign(c.id(), vip.id());
                });
                Future<Boolean> update = pool.submit(() -> {
                    start.await();
                    try {
                        crm.customers().update(c.withStage(LifecycleStage.ACTIVE));
                        return true;
                    } catch (VersionConflictException e) {
                        return false; // the assignment won the race; the caller would re-read and retry
                    }
                });
                start.countDown();
                assertThat(assign.get(30, TimeUnit.SECONDS).hasTag(vip.id())).isTrue();
                boolean updated = update.get(30, TimeUnit.SECONDS);
                Customer stored = crm.customers().get(c.id());
                assertThat(stored.hasTag(vip.id())).isTrue();
                assertThat(stored.version()).isEqualTo(updated ? 3 : 2);
                assertThat(stored.stage()).isEqualTo(updated ? LifecycleStage.ACTIVE : c.stage());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    @DisplayName("concurrent assignments of different tags to one customer all stick")
    void assign_concurrentDifferentTags() throws Exception {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tags.add(crm.tags().create(NewTag.of("tag-" + i)));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tags.size());
        try {
            List<Future<Customer>> results = new ArrayList<>();
            for (Tag t : tags) {
                results.add(pool.submit(() -> {
                    start.await();
                    return crm.tags().assign(c.id(), t.id());
                }));
            }
            start.countDown();
            for (Future<Customer> f : results) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Customer stored = crm.customers().get(c.id());
        assertThat(stored.tags()).containsExactlyInAnyOrderElementsOf(tags.stream().map(Tag::id).toList());
        assertThat(stored.version()).isEqualTo(1 + tags.size());
    }

    @Test
    @DisplayName("another tenant cannot see the tags or tag the tenant's customers")
    void tenantIsolation() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Tag vip = crm.tags().create(NewTag.of("VIP"));
        crm.tags().assign(c.id(), vip.id());
        Cim4j other = crm(OTHER_TENANT);
        Tag otherVip = other.tags().create(NewTag.of("VIP"));

        assertThat(other.tags().find(vip.id())).isEmpty();
        assertThat(other.tags().list()).containsExactly(otherVip);
        assertThatThrownBy(() -> other.tags().assign(c.id(), otherVip.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.tags().unassign(c.id(), vip.id())).isInstanceOf(NotFoundException.class);
        assertThat(other.tags().customersWith(vip.id(), PageRequest.first()).items()).isEmpty();
        assertThatThrownBy(() -> other.customers().create(NewCustomer.builder().name("X").tag(vip.id()).build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(crm.customers().get(c.id()).tags()).containsExactly(vip.id());
    }
}
