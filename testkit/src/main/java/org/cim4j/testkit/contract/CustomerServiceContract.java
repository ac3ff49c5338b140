package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.testkit.contract.ServiceFixtures.customer;
import static org.cim4j.testkit.contract.ServiceFixtures.customerCount;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cim4j.Cim4j;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.ValidationException;
import org.cim4j.VersionConflictException;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerSort;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.NewCustomer;
import org.cim4j.tag.TagId;
import org.cim4j.testkit.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Customer service behaviour on the adapter under test: creation with normalisation and duplicate
 * checks, optimistic updates, soft deletion, keyset paging with opaque cursors, lookups, and tenant
 * isolation at service level.
 */
public abstract class CustomerServiceContract extends AdapterContract {

    @Test
    void create_returnsWhatIsStored() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));

        assertThat(c.version()).isEqualTo(1);
        assertThat(c.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(c.tenant()).isEqualTo(TENANT);
        assertThat(c.createdAt()).isEqualTo(MutableClock.DEFAULT_START).isEqualTo(c.updatedAt());
        assertThat(crm.customers().get(c.id())).isEqualTo(c);
    }

    @Test
    void create_normalisesContactsAndName() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(NewCustomer.builder()
                .name("  Zoe\u0301 Martin ")
                .email("  Zoe.Martin@Example.COM ")
                .phone("+49 30 901820")
                .contact(ContactType.WECHAT, "  zoe_m  ")
                .build());

        assertThat(c.person().displayName()).isEqualTo("Zo\u00e9 Martin");
        assertThat(c.primaryEmail()).contains("zoe.martin@example.com");
        assertThat(c.primaryPhone()).contains("+4930901820");
        assertThat(c.primaryContact(ContactType.WECHAT).orElseThrow().value()).isEqualTo("zoe_m");
    }

    @Test
    @DisplayName("a CJK full name is kept as written, never split into given and family name")
    void create_keepsCjkName() {
        Customer c = crm().customers().create(NewCustomer.builder().name("王小明").build());

        assertThat(c.person().displayName()).isEqualTo("王小明");
        assertThat(c.person().givenName()).isNull();
        assertThat(c.person().familyName()).isNull();
    }

    @Test
    void create_truncatesTimestampsToMicroseconds() {
        clock().set(MutableClock.DEFAULT_START.plusNanos(123_456_789));
        Customer c = crm().customers().create(customer(1));

        assertThat(c.createdAt()).isEqualTo(MutableClock.DEFAULT_START.plusNanos(123_456_000));
    }

    @Test
    void create_duplicateExternalId() {
        Cim4j crm = crm();
        Customer first = crm.customers().create(customer(1));

        assertThatThrownBy(() -> crm.customers().create(NewCustomer.builder().name("Other")
                .externalId("shop:user:1").build()))
                .isInstanceOfSatisfying(DuplicateException.class, e -> {
                    assertThat(e.key()).isEqualTo("externalId");
                    assertThat(e.existingId()).contains(first.id().toString());
                });
        assertThat(customerCount(crm)).isEqualTo(1);
    }

    @Test
    @DisplayName("A@X.com and a@x.com are the same primary e-mail")
    void create_duplicateEmailAfterNormalisation() {
        Cim4j crm = crm();
        Customer first = crm.customers().create(NewCustomer.builder().name("A").email("A@X.com").build());

        assertThatThrownBy(() -> crm.customers().create(NewCustomer.builder().name("B").email(" a@x.COM").build()))
                .isInstanceOfSatisfying(DuplicateException.class, e -> {
                    assertThat(e.key()).isEqualTo("primaryContact");
                    assertThat(e.existingId()).contains(first.id().toString());
                    assertThat(e.getMessage()).doesNotContain("a@x.com");
                });
    }

    @Test
    @DisplayName("a phone in national form clashes with the same number in E.164")
    void create_duplicatePhoneNationalVsE164() {
        Cim4j cn = closeAfterTest(ServiceFixtures.crmWith(provider(), clock(), TENANT, 4711, b -> b.defaultRegion("CN")));
        Customer first = cn.customers().create(NewCustomer.builder().name("王小明").phone("+86 138 0013 8000").build());

        assertThat(first.primaryPhone()).contains("+8613800138000");
        assertThatThrownBy(() -> cn.customers().create(NewCustomer.builder().name("小明").phone("138 0013 8000").build()))
                .isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.existingId()).contains(first.id().toString()));
    }

    @Test
    void create_secondaryContactDoesNotClash() {
        Cim4j crm = crm();
        crm.customers().create(NewCustomer.builder().name("A").email("a@x.com")
                .contact(new org.cim4j.customer.ContactPoint(ContactType.EMAIL, "shared@x.com", false, false)).build());

        Customer b = crm.customers().create(NewCustomer.builder().name("B")
                .contact(new org.cim4j.customer.ContactPoint(ContactType.EMAIL, "shared@x.com", false, false)).build());

        assertThat(crm.customers().findByContact(ContactType.EMAIL, "shared@x.com")).hasSize(2).contains(b);
    }

    @Test
    @DisplayName("a deleted customer releases its external ids and primary contacts")
    void delete_releasesKeys() {
        Cim4j crm = crm();
        Customer first = crm.customers().create(customer(1));
        crm.customers().delete(first.id());

        Customer again = crm.customers().create(customer(1));

        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(crm.customers().findByExternalId(ExternalId.parse("shop:user:1"))).contains(again);
        assertThat(crm.customers().get(first.id()).status()).isEqualTo(CustomerStatus.DELETED);
    }

    @Test
    void create_unknownTag_notFoundAndNothingStored() {
        Cim4j crm = crm();
        TagId missing = TagId.of("00000000-0000-7000-8000-000000000001");

        assertThatThrownBy(() -> crm.customers().create(NewCustomer.builder().name("A").tag(missing).build()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(missing.toString());
        assertThat(customerCount(crm)).isZero();
    }

    @Test
    void create_null() {
        Cim4j crm = crm();
        assertThatThrownBy(() -> crm.customers().create(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("customer");
        assertThatThrownBy(() -> crm.customers().createAll(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> crm.customers().update(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void createAll_storesAllInOrder() {
        Cim4j crm = crm();
        List<NewCustomer> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(customer(i));
        }

        List<Customer> created = crm.customers().createAll(batch);

        assertThat(created).hasSize(12);
        assertThat(created.get(3).primaryEmail()).contains("customer3@example.com");
        assertThat(customerCount(crm)).isEqualTo(12);
    }

    @Test
    void createAll_duplicateWithinBatch_nothingStored() {
        Cim4j crm = crm();
        List<NewCustomer> batch = List.of(customer(1), customer(2),
                NewCustomer.builder().name("Twin").email("CUSTOMER1@example.com").build());

        assertThatThrownBy(() -> crm.customers().createAll(batch))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("primaryContact"));
        assertThat(customerCount(crm)).isZero();
    }

    @Test
    void createAll_duplicateWithStorage_nothingStored() {
        Cim4j crm = crm();
        Customer existing = crm.customers().create(customer(5));

        assertThatThrownBy(() -> crm.customers().createAll(List.of(customer(4), customer(5))))
                .isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.existingId()).contains(existing.id().toString()));
        assertThat(customerCount(crm)).isEqualTo(1);
    }

    @Test
    void createAll_violationPathsCarryTheIndex() {
        Cim4j crm = crm();
        List<NewCustomer> batch = List.of(customer(0), NewCustomer.builder().name(" ").build(),
                NewCustomer.builder().name("ok").email("nope").build());

        assertThatThrownBy(() -> crm.customers().createAll(batch))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactly("[1].displayName", "[2].contacts[0].value"));
        assertThat(customerCount(crm)).isZero();
    }

    @Test
    void update_storesChangesWithNextVersion() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        clock().advance(Duration.ofMinutes(5));

        Customer updated = crm.customers().update(c.withStage(LifecycleStage.ACTIVE)
                .withExternalIds(Set.of(ExternalId.parse("shop:user:1"), ExternalId.parse("pos:member:77"))));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.stage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(updated.createdAt()).isEqualTo(c.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(MutableClock.DEFAULT_START.plus(Duration.ofMinutes(5)));
        assertThat(crm.customers().get(c.id())).isEqualTo(updated);
        assertThat(crm.customers().findByExternalId(ExternalId.parse("pos:member:77"))).contains(updated);
    }

    @Test
    void update_staleVersion_conflict() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        crm.customers().update(c.withStage(LifecycleStage.PROSPECT));

        assertThatThrownBy(() -> crm.customers().update(c.withStage(LifecycleStage.CHURNED)))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.id()).isEqualTo(c.id().toString());
                    assertThat(e.expectedVersion()).isEqualTo(1);
                });
        assertThat(crm.customers().get(c.id()).stage()).isEqualTo(LifecycleStage.PROSPECT);
    }

    @Test
    void update_ignoresIdentityAndBookkeepingOfTheArgument() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Customer forged = c.withBookkeeping(1, CustomerStatus.ACTIVE, null, Instant.parse("2000-01-01T00:00:00Z"));

        Customer updated = crm.customers().update(forged.withStage(LifecycleStage.NEW));

        assertThat(updated.updatedAt()).isEqualTo(MutableClock.DEFAULT_START);
        assertThat(updated.createdAt()).isEqualTo(c.createdAt());
        assertThat(updated.tenant()).isEqualTo(TENANT);
    }

    @Test
    void update_unknownCustomer_notFound() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Customer ghost = new Customer(CustomerId.of("00000000-0000-7000-8000-0000000000aa"), TENANT, 1,
                CustomerStatus.ACTIVE, null, c.stage(), c.person(), c.contacts(), c.addresses(), null, Set.of(),
                c.attributes(), c.tags(), c.createdAt(), c.updatedAt());

        assertThatThrownBy(() -> crm.customers().update(ghost)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void update_deletedCustomer_rejected() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Customer deleted = crm.customers().delete(c.id());

        assertThatThrownBy(() -> crm.customers().update(deleted.withStage(LifecycleStage.ACTIVE)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void update_takingAnotherCustomersKey_duplicate() {
        Cim4j crm = crm();
        Customer a = crm.customers().create(customer(1));
        Customer b = crm.customers().create(customer(2));

        assertThatThrownBy(() -> crm.customers().update(b.withExternalIds(Set.of(ExternalId.parse("shop:user:1")))))
                .isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.existingId()).contains(a.id().toString()));
        assertThat(crm.customers().get(b.id()).version()).isEqualTo(1);
    }

    @Test
    void delete_isSoftAndIdempotent() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));

        Customer deleted = crm.customers().delete(c.id());
        Customer again = crm.customers().delete(c.id());

        assertThat(deleted.status()).isEqualTo(CustomerStatus.DELETED);
        assertThat(deleted.version()).isEqualTo(2);
        assertThat(again).isEqualTo(deleted);
        assertThat(crm.customers().count(CustomerQuery.all())).isZero();
        assertThat(crm.customers().find(c.id())).contains(deleted);
        assertThatThrownBy(() -> crm.customers().delete(CustomerId.of("00000000-0000-7000-8000-0000000000bb")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("paging by creation returns every customer exactly once, in order")
    void find_pagesEveryItemExactlyOnce() {
        Cim4j crm = crm();
        List<CustomerId> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            expected.add(crm.customers().create(customer(i)).id());
            clock().advance(Duration.ofSeconds(i % 3 == 0 ? 0 : 1)); // some share a createdAt
        }

        assertThat(pageThrough(crm, CustomerQuery.all(), 5)).isEqualTo(expected);
        List<CustomerId> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertThat(pageThrough(crm, CustomerQuery.builder().sort(CustomerSort.CREATED_DESC).build(), 4))
                .isEqualTo(reversed);
    }

    @Test
    @DisplayName("paging by name follows code point order and the cursor carries no name")
    void find_byName_cursorWithoutPersonalData() {
        Cim4j crm = crm();
        String[] names = {"delta", "Alpha", "charlie", "王小明", "bravo", "Echo", "alpha"};
        for (int i = 0; i < names.length; i++) {
            crm.customers().create(NewCustomer.builder().name(names[i]).email("n" + i + "@example.com").build());
        }
        CustomerQuery byName = CustomerQuery.builder().sort(CustomerSort.NAME_ASC).build();

        Page<Customer> first = crm.customers().find(byName, PageRequest.first(3));
        List<String> sortNames = new ArrayList<>();
        Page<Customer> page = first;
        while (true) {
            page.items().forEach(c -> sortNames.add(c.person().sortName()));
            if (!page.hasNext()) {
                break;
            }
            String decoded = new String(Base64.getUrlDecoder().decode(page.next()), StandardCharsets.ISO_8859_1);
            assertThat(decoded).doesNotContainIgnoringCase("alpha").doesNotContainIgnoringCase("charlie");
            page = crm.customers().find(byName, PageRequest.after(page.next(), 3));
        }

        assertThat(sortNames).containsExactly("alpha", "alpha", "bravo", "charlie", "delta", "echo", "王小明");
    }

    @Test
    void find_cursorOfAnotherQuery_rejected() {
        Cim4j crm = crm();
        for (int i = 0; i < 4; i++) {
            crm.customers().create(customer(i));
        }
        String cursor = crm.customers().find(CustomerQuery.all(), PageRequest.first(2)).next();
        CustomerQuery other = CustomerQuery.builder().stage(LifecycleStage.LEAD).build();

        assertThatThrownBy(() -> crm.customers().find(other, PageRequest.after(cursor, 2)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("cursor"));
        assertThatThrownBy(() -> crm.customers().find(CustomerQuery.builder().sort(CustomerSort.NAME_ASC).build(),
                PageRequest.after(cursor, 2))).isInstanceOf(ValidationException.class);
    }

    @Test
    void find_garbageCursor_cleanError() {
        Cim4j crm = crm();
        crm.customers().create(customer(1));
        for (String garbage : List.of("not a cursor", "AAAA", "!!!", "QUJD", "x==", "A".repeat(60),
                Base64.getUrlEncoder().encodeToString(new byte[40]))) {
            assertThatThrownBy(() -> crm.customers().find(CustomerQuery.all(), PageRequest.after(garbage, 5)))
                    .as(garbage)
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("cursor");
        }
    }

    @Test
    void find_tamperedCursor_cleanError() {
        Cim4j crm = crm();
        for (int i = 0; i < 3; i++) {
            crm.customers().create(customer(i));
        }
        String cursor = crm.customers().find(CustomerQuery.all(), PageRequest.first(1)).next();
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        for (int i = 0; i < bytes.length; i++) {
            byte[] copy = bytes.clone();
            copy[i] ^= 0x5A;
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
            assertThatThrownBy(() -> crm.customers().find(CustomerQuery.all(), PageRequest.after(tampered, 1)))
                    .isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void findByContact_normalisesTheLookupValue() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(NewCustomer.builder().name("A").email("mixed.Case@Example.com")
                .phone("+1 650 253 0000").build());

        assertThat(crm.customers().findByContact(ContactType.EMAIL, "  MIXED.case@example.COM")).containsExactly(c);
        assertThat(crm.customers().findByContact(ContactType.PHONE, "+1 (650) 253-0000")).containsExactly(c);
        assertThat(crm.customers().findByContact(ContactType.EMAIL, "other@example.com")).isEmpty();
    }

    @Test
    void count_followsTheQuery() {
        Cim4j crm = crm();
        crm.customers().create(customer(1));
        Customer b = crm.customers().create(NewCustomer.builder().name("B").stage(LifecycleStage.ACTIVE).build());
        crm.customers().create(NewCustomer.builder().name("C").stage(LifecycleStage.ACTIVE).build());
        crm.customers().delete(b.id());

        assertThat(crm.customers().count(CustomerQuery.all())).isEqualTo(2);
        assertThat(crm.customers().count(CustomerQuery.builder().stage(LifecycleStage.ACTIVE).build())).isEqualTo(1);
        assertThat(customerCount(crm)).isEqualTo(3);
    }

    @Test
    @DisplayName("another tenant cannot read, update, delete or look up the customer")
    void tenantIsolation() {
        Customer c = crm().customers().create(customer(1));
        Cim4j other = crm(OTHER_TENANT);

        assertThat(other.customers().find(c.id())).isEmpty();
        assertThatThrownBy(() -> other.customers().get(c.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.customers().update(c.withStage(LifecycleStage.CHURNED)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.customers().delete(c.id())).isInstanceOf(NotFoundException.class);
        assertThat(other.customers().findByExternalId(ExternalId.parse("shop:user:1"))).isEmpty();
        assertThat(other.customers().findByContact(ContactType.EMAIL, "customer1@example.com")).isEmpty();
        assertThat(other.customers().count(CustomerQuery.all())).isZero();
        // the same keys are free in the other tenant
        assertThat(other.customers().create(customer(1)).tenant()).isEqualTo(OTHER_TENANT);
    }

    private static List<CustomerId> pageThrough(Cim4j crm, CustomerQuery query, int limit) {
        List<CustomerId> seen = new ArrayList<>();
        Set<CustomerId> unique = new HashSet<>();
        PageRequest request = PageRequest.first(limit);
        while (true) {
            Page<Customer> page = crm.customers().find(query, request);
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            for (Customer c : page.items()) {
                assertThat(unique.add(c.id())).as("customer returned twice").isTrue();
                seen.add(c.id());
            }
            if (!page.hasNext()) {
                return seen;
            }
            request = request.next(page).orElseThrow();
        }
    }
}
