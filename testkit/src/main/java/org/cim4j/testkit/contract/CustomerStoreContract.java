package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.testkit.internal.Fixtures.createdAt;
import static org.cim4j.testkit.internal.Fixtures.withContacts;
import static org.cim4j.testkit.internal.Fixtures.withExternalId;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cim4j.Channel;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.VersionConflictException;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerSort;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.Person;
import org.cim4j.tag.TagId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The written contract of {@link org.cim4j.spi.CustomerStore}: exact round trips, lookups by
 * contact and external id, unique keys among active customers, optimistic versions, and every
 * {@link CustomerQuery} criterion and sort.
 */
public abstract class CustomerStoreContract extends AdapterContract implements StorageContractRules.CustomerStoreRules {

    private Customer customer(String name) {
        return fixtures().customer(TENANT, name);
    }

    private List<Customer> query(CustomerQuery q) {
        return provider().read(s -> s.customers().query(TENANT, q, null, 1000));
    }

    private List<CustomerId> ids(CustomerQuery q) {
        return query(q).stream().map(Customer::id).toList();
    }

    private Customer find(CustomerId id) {
        return provider().read(s -> s.customers().findById(TENANT, id)).orElseThrow();
    }

    private static ContactPoint email(String v, boolean primary) {
        return new ContactPoint(ContactType.EMAIL, v, primary, false);
    }

    // ---- round trips ----------------------------------------------------------------------

    @Test
    @DisplayName("insert then findById returns a customer equal in every field (CJK name, all attribute types, µs times)")
    public void insert_findById_roundTripsEveryField() {
        Customer full = fixtures().fullCustomer(TENANT, Set.of(fixtures().tagId(), fixtures().tagId()));
        insert(full);

        Customer read = find(full.id());
        assertThat(read).isEqualTo(full);
        assertThat(read.person().displayName()).isEqualTo("王小明");
        assertThat(read.createdAt()).isEqualTo(full.createdAt());
        assertThat(read.attributes()).isEqualTo(full.attributes());
        assertThat(read.contacts()).containsExactlyElementsOf(full.contacts());
        assertThat(read.addresses()).containsExactlyElementsOf(full.addresses());
    }

    @Test
    @DisplayName("a customer with only required fields round-trips with its nulls and empty collections")
    public void insert_findById_minimalCustomer() {
        Customer c = insert(customer("A"));
        assertThat(find(c.id())).isEqualTo(c);
    }

    @Test
    @DisplayName("decimal attributes keep their value whatever scale they were written with")
    public void insert_findById_decimalScale() {
        Customer c = insert(customer("A")
                .withAttribute("price", AttributeValue.of(new BigDecimal("12.500")))
                .withAttribute("big", AttributeValue.of(new BigDecimal("123456789012345.123456")))
                .withAttribute("negative", AttributeValue.of(new BigDecimal("-0.01")))
                .withAttribute("zero", AttributeValue.of(new BigDecimal("0.000"))));
        Customer read = find(c.id());
        assertThat(read.attributes()).isEqualTo(c.attributes());
        assertThat(read.attribute("price")).contains(AttributeValue.of(new BigDecimal("12.5")));
    }

    @Test
    @DisplayName("findById of an unknown id is empty")
    public void findById_unknownId() {
        assertThat(readOptional(s -> s.customers().findById(TENANT, fixtures().customerId()))).isEmpty();
    }

    @Test
    @DisplayName("inserting a second customer with an existing id fails with DuplicateException")
    public void insert_duplicateId() {
        Customer c = insert(customer("A"));
        Customer again = customer("B");
        Customer sameId = new Customer(c.id(), TENANT, 1, CustomerStatus.ACTIVE, null, LifecycleStage.LEAD,
                again.person(), List.of(), List.of(), null, Set.of(), again.attributes(), Set.of(),
                again.createdAt(), again.updatedAt());
        assertThatThrownBy(() -> insert(sameId)).isInstanceOf(DuplicateException.class);
        assertThat(find(c.id()).person().displayName()).isEqualTo("A");
    }

    @Test
    @DisplayName("non-ACTIVE customers stay resolvable by id")
    public void findById_inactiveCustomer() {
        Customer c = insert(customer("A"));
        Customer deleted = fixtures().next(c, CustomerStatus.DELETED, null);
        inWrite(s -> s.customers().update(deleted));
        assertThat(find(c.id())).isEqualTo(deleted);
    }

    // ---- lookups ---------------------------------------------------------------------------

    @Test
    @DisplayName("findByContact finds the holder of a primary contact")
    public void findByContact_primaryContact() {
        Customer c = insert(withContacts(customer("A"), email("a@example.com", true)));
        insert(withContacts(customer("B"), email("b@example.com", true)));
        assertThat(readList(s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "a@example.com")))
                .containsExactly(c);
    }

    @Test
    @DisplayName("findByContact also finds a non-primary contact")
    public void findByContact_nonPrimaryContact() {
        Customer c = insert(withContacts(customer("A"), email("a@example.com", true), email("old@example.com", false)));
        assertThat(readList(s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "old@example.com")))
                .containsExactly(c);
    }

    @Test
    @DisplayName("findByContact returns every active holder, ordered by id, and skips inactive ones")
    public void findByContact_onlyActiveOrderedById() {
        ContactPoint shared = new ContactPoint(ContactType.PHONE, "+4915112345678", false, false);
        Customer a = insert(withContacts(customer("A"), shared));
        Customer b = insert(withContacts(customer("B"), shared));
        Customer c = insert(withContacts(customer("C"), shared));
        inWrite(s -> s.customers().update(fixtures().next(b, CustomerStatus.DELETED, null)));

        List<Customer> found = provider().read(s -> s.customers().findByContact(TENANT, ContactType.PHONE, "+4915112345678"));
        assertThat(found).extracting(Customer::id).containsExactly(
                a.id().compareTo(c.id()) < 0 ? a.id() : c.id(), a.id().compareTo(c.id()) < 0 ? c.id() : a.id());
    }

    @Test
    @DisplayName("findByContact matches type and value exactly")
    public void findByContact_exactTypeAndValue() {
        insert(withContacts(customer("A"), new ContactPoint(ContactType.WECHAT, "a@example.com", true, false)));
        insert(withContacts(customer("B"), email("a@example.com.cn", true)));
        assertThat(readList(s -> s.customers().findByContact(TENANT, ContactType.EMAIL, "a@example.com"))).isEmpty();
    }

    @Test
    @DisplayName("findByExternalId finds the holder of exactly that external id")
    public void findByExternalId_found() {
        Customer c = insert(withExternalId(customer("A"), "pos:member", "88231"));
        insert(withExternalId(customer("B"), "pos:member", "88232"));
        assertThat(readOptional(s -> s.customers().findByExternalId(TENANT, ExternalId.of("pos:member", "88231"))))
                .contains(c);
    }

    @Test
    @DisplayName("findByExternalId matches system and value, and ignores inactive holders")
    public void findByExternalId_exactAndActiveOnly() {
        Customer c = insert(withExternalId(customer("A"), "pos:member", "1"));
        inWrite(s -> s.customers().update(fixtures().next(c, CustomerStatus.DELETED, null)));
        insert(withExternalId(customer("B"), "shop:user", "1"));
        assertThat(readOptional(s -> s.customers().findByExternalId(TENANT, ExternalId.of("pos:member", "1")))).isEmpty();
    }

    // ---- unique keys -----------------------------------------------------------------------

    @Test
    @DisplayName("inserting a second active customer with a taken external id fails with DuplicateException(externalId)")
    public void insert_duplicateExternalId() {
        insert(withExternalId(customer("A"), "pos:member", "1"));
        assertThatThrownBy(() -> insert(withExternalId(customer("B"), "pos:member", "1")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("externalId"));
        assertThat(query(CustomerQuery.all())).hasSize(1);
    }

    @Test
    @DisplayName("inserting a second active customer with a taken primary contact fails with DuplicateException(primaryContact)")
    public void insert_duplicatePrimaryContact() {
        insert(withContacts(customer("A"), email("a@example.com", true)));
        assertThatThrownBy(() -> insert(withContacts(customer("B"), email("a@example.com", true))))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("primaryContact"));
        assertThat(query(CustomerQuery.all())).hasSize(1);
    }

    @Test
    @DisplayName("a non-primary contact may be shared, also with another customer's primary one")
    public void insert_sharedNonPrimaryContact() {
        insert(withContacts(customer("A"), email("a@example.com", true)));
        insert(withContacts(customer("B"), email("x@example.com", true), email("a@example.com", false)));
        insert(withContacts(customer("C"), email("y@example.com", true), email("a@example.com", false)));
        assertThat(query(CustomerQuery.all())).hasSize(3);
    }

    @Test
    @DisplayName("an inactive customer may be inserted holding keys an active one holds")
    public void insert_inactiveWithTakenKeys() {
        insert(withContacts(withExternalId(customer("A"), "pos:member", "1"), email("a@example.com", true)));
        Customer old = withContacts(withExternalId(customer("B"), "pos:member", "1"), email("a@example.com", true))
                .withBookkeeping(1, CustomerStatus.DELETED, null, fixtures().now());
        insert(old);
        assertThat(find(old.id())).isEqualTo(old);
    }

    @Test
    @DisplayName("an update taking another active customer's external id fails with DuplicateException(externalId) and changes nothing")
    public void update_takingAnotherCustomersExternalId() {
        insert(withExternalId(customer("A"), "pos:member", "1"));
        Customer b = insert(withExternalId(customer("B"), "pos:member", "2"));
        Customer clash = fixtures().next(withExternalId(b, "pos:member", "1"));
        assertThatThrownBy(() -> inWrite(s -> s.customers().update(clash)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("externalId"));
        assertThat(find(b.id())).isEqualTo(b);
    }

    @Test
    @DisplayName("an update taking another active customer's primary contact fails with DuplicateException(primaryContact) and changes nothing")
    public void update_takingAnotherCustomersPrimaryContact() {
        insert(withContacts(customer("A"), email("a@example.com", true)));
        Customer b = insert(withContacts(customer("B"), email("b@example.com", true)));
        Customer clash = fixtures().next(withContacts(b, email("a@example.com", true)));
        assertThatThrownBy(() -> inWrite(s -> s.customers().update(clash)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("primaryContact"));
        assertThat(find(b.id())).isEqualTo(b);
    }

    @Test
    @DisplayName("an update that keeps the customer's own keys does not clash with itself")
    public void update_keepingOwnKeys() {
        Customer a = insert(withContacts(withExternalId(customer("A"), "pos:member", "1"), email("a@example.com", true)));
        Customer changed = fixtures().next(a.withStage(LifecycleStage.ACTIVE));
        inWrite(s -> s.customers().update(changed));
        assertThat(find(a.id())).isEqualTo(changed);
    }

    @Test
    @DisplayName("keys are released when the holder becomes DELETED")
    public void keys_releasedOnDelete() {
        Customer a = insert(withContacts(withExternalId(customer("A"), "pos:member", "1"), email("a@example.com", true)));
        inWrite(s -> s.customers().update(fixtures().next(a, CustomerStatus.DELETED, null)));
        Customer b = insert(withContacts(withExternalId(customer("B"), "pos:member", "1"), email("a@example.com", true)));
        assertThat(readOptional(s -> s.customers().findByExternalId(TENANT, ExternalId.of("pos:member", "1")))).contains(b);
    }

    @Test
    @DisplayName("keys are released when the holder is MERGED into another customer")
    public void keys_releasedOnMerge() {
        Customer survivor = insert(customer("S"));
        Customer a = insert(withContacts(withExternalId(customer("A"), "pos:member", "1"), email("a@example.com", true)));
        inWrite(s -> s.customers().update(fixtures().next(a, CustomerStatus.MERGED, survivor.id())));
        Customer taker = fixtures().next(withContacts(withExternalId(survivor, "pos:member", "1"), email("a@example.com", true)));
        inWrite(s -> s.customers().update(taker));
        assertThat(find(survivor.id())).isEqualTo(taker);
        assertThat(find(a.id()).mergedInto()).isEqualTo(survivor.id());
    }

    @Test
    @DisplayName("reactivating a customer whose keys were taken meanwhile clashes")
    public void update_reactivationClashes() {
        Customer a = insert(withExternalId(customer("A"), "pos:member", "1"));
        Customer deleted = fixtures().next(a, CustomerStatus.DELETED, null);
        inWrite(s -> s.customers().update(deleted));
        insert(withExternalId(customer("B"), "pos:member", "1"));
        Customer reactivated = fixtures().next(deleted, CustomerStatus.ACTIVE, null);
        assertThatThrownBy(() -> inWrite(s -> s.customers().update(reactivated))).isInstanceOf(DuplicateException.class);
    }

    @Test
    @DisplayName("the same external id and primary contact may exist in another tenant")
    public void keys_perTenant() {
        insert(withContacts(withExternalId(customer("A"), "pos:member", "1"), email("a@example.com", true)));
        Customer other = withContacts(withExternalId(fixtures().customer(OTHER_TENANT, "B"), "pos:member", "1"),
                email("a@example.com", true));
        insert(other);
        assertThat(readOptional(s -> s.customers().findByExternalId(OTHER_TENANT, ExternalId.of("pos:member", "1"))))
                .contains(other);
    }

    // ---- updates ---------------------------------------------------------------------------

    @Test
    @DisplayName("update with the next version replaces the stored customer")
    public void update_nextVersion() {
        Customer a = insert(customer("A"));
        clock().advance(Duration.ofMinutes(5));
        Customer changed = fixtures().next(a.withPerson(Person.named("Anna Müller")).withStage(LifecycleStage.NEW)
                .withSourceChannel(Channel.ESHOP).withAttribute("vip", AttributeValue.of(true)));
        inWrite(s -> s.customers().update(changed));
        Customer read = find(a.id());
        assertThat(read).isEqualTo(changed);
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.createdAt()).isEqualTo(a.createdAt());
    }

    @Test
    @DisplayName("update with the same version as stored fails with VersionConflictException")
    public void update_staleVersion() {
        Customer a = insert(customer("A"));
        inWrite(s -> s.customers().update(fixtures().next(a)));
        Customer stale = fixtures().next(a.withStage(LifecycleStage.CHURNED)); // version 2 again
        assertThatThrownBy(() -> inWrite(s -> s.customers().update(stale))).isInstanceOf(VersionConflictException.class);
        assertThat(find(a.id()).stage()).isEqualTo(LifecycleStage.LEAD);
    }

    @Test
    @DisplayName("update skipping a version fails with VersionConflictException")
    public void update_futureVersion() {
        Customer a = insert(customer("A"));
        Customer skipping = a.withBookkeeping(3, CustomerStatus.ACTIVE, null, fixtures().now());
        assertThatThrownBy(() -> inWrite(s -> s.customers().update(skipping))).isInstanceOf(VersionConflictException.class);
        assertThat(find(a.id())).isEqualTo(a);
    }

    @Test
    @DisplayName("updating an unknown customer fails with NotFoundException")
    public void update_unknownId() {
        Customer never = fixtures().next(customer("A"));
        assertThatThrownBy(() -> inWrite(s -> s.customers().update(never))).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("tags and attributes can be removed by update")
    public void update_removesTagsAndAttributes() {
        TagId t = fixtures().tagId();
        Customer a = insert(customer("A").withTag(t).withAttribute("x", AttributeValue.of("1")));
        Customer changed = fixtures().next(a.withoutTag(t).withAttribute("x", null));
        inWrite(s -> s.customers().update(changed));
        assertThat(find(a.id()).tags()).isEmpty();
        assertThat(find(a.id()).attributes()).isEmpty();
        assertThat(ids(CustomerQuery.builder().tag(t).build())).isEmpty();
    }

    // ---- query criteria ---------------------------------------------------------------------

    @Test
    @DisplayName("without a status criterion only ACTIVE customers match")
    public void query_defaultActiveOnly() {
        Customer a = insert(customer("A"));
        Customer b = insert(customer("B"));
        Customer m = insert(customer("M"));
        inWrite(s -> s.customers().update(fixtures().next(b, CustomerStatus.DELETED, null)));
        inWrite(s -> s.customers().update(fixtures().next(m, CustomerStatus.MERGED, a.id())));
        assertThat(ids(CustomerQuery.all())).containsExactly(a.id());
        assertThat(readCount(s -> s.customers().count(TENANT, CustomerQuery.all()))).isEqualTo(1);
    }

    @Test
    @DisplayName("StatusIn replaces the default ACTIVE filter")
    public void query_statusIn() {
        Customer a = insert(customer("A"));
        Customer b = insert(customer("B"));
        Customer c = insert(customer("C"));
        inWrite(s -> s.customers().update(fixtures().next(b, CustomerStatus.DELETED, null)));
        inWrite(s -> s.customers().update(fixtures().next(c, CustomerStatus.ERASED, null)));
        assertThat(ids(CustomerQuery.builder().status(CustomerStatus.DELETED, CustomerStatus.ERASED).build()))
                .containsExactlyInAnyOrder(b.id(), c.id());
        assertThat(ids(CustomerQuery.builder().status(CustomerStatus.ACTIVE, CustomerStatus.DELETED).build()))
                .containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    @DisplayName("StageIn matches any of the given stages")
    public void query_stageIn() {
        Customer a = insert(customer("A").withStage(LifecycleStage.NEW));
        insert(customer("B").withStage(LifecycleStage.LEAD));
        Customer c = insert(customer("C").withStage(LifecycleStage.AT_RISK));
        assertThat(ids(CustomerQuery.builder().stage(LifecycleStage.NEW, LifecycleStage.AT_RISK).build()))
                .containsExactlyInAnyOrder(a.id(), c.id());
    }

    @Test
    @DisplayName("HasTag matches customers with the tag assigned")
    public void query_hasTag() {
        TagId vip = fixtures().tagId();
        TagId other = fixtures().tagId();
        Customer a = insert(customer("A").withTag(vip).withTag(other));
        insert(customer("B").withTag(other));
        insert(customer("C"));
        assertThat(ids(CustomerQuery.builder().tag(vip).build())).containsExactly(a.id());
    }

    @Test
    @DisplayName("AttributeEquals matches text exactly and numbers by value, ignoring scale (2.0 == 2)")
    public void query_attributeEquals() {
        Customer a = insert(customer("A").withAttribute("size", AttributeValue.of(new BigDecimal("2.0")))
                .withAttribute("city", AttributeValue.of("Berlin")));
        insert(customer("B").withAttribute("size", AttributeValue.of(new BigDecimal("2.5")))
                .withAttribute("city", AttributeValue.of("berlin")));
        insert(customer("C"));
        assertThat(ids(CustomerQuery.builder().attributeEquals("size", AttributeValue.of(2)).build())).containsExactly(a.id());
        assertThat(ids(CustomerQuery.builder().attributeEquals("size", AttributeValue.of(new BigDecimal("2.00"))).build()))
                .containsExactly(a.id());
        assertThat(ids(CustomerQuery.builder().attributeEquals("city", AttributeValue.of("Berlin")).build())).containsExactly(a.id());
    }

    @Test
    @DisplayName("AttributeEquals matches boolean and date attributes")
    public void query_attributeEqualsBooleanAndDate() {
        Customer a = insert(customer("A").withAttribute("vip", AttributeValue.of(true))
                .withAttribute("since", AttributeValue.of(LocalDate.of(2020, 5, 1))));
        Customer b = insert(customer("B").withAttribute("vip", AttributeValue.of(false)));
        assertThat(ids(CustomerQuery.builder().attributeEquals("vip", AttributeValue.of(true)).build())).containsExactly(a.id());
        assertThat(ids(CustomerQuery.builder().attributeEquals("vip", AttributeValue.of(false)).build())).containsExactly(b.id());
        assertThat(ids(CustomerQuery.builder().attributeEquals("since", AttributeValue.of(LocalDate.of(2020, 5, 1))).build()))
                .containsExactly(a.id());
    }

    @Test
    @DisplayName("AttributeBetween on numbers is inclusive, compares by value (10 > 9.5), and skips customers without it")
    public void query_attributeBetweenNumber() {
        Customer a = insert(customer("A").withAttribute("n", AttributeValue.of(new BigDecimal("9.5"))));
        Customer b = insert(customer("B").withAttribute("n", AttributeValue.of(10)));
        Customer c = insert(customer("C").withAttribute("n", AttributeValue.of(new BigDecimal("100.00"))));
        insert(customer("D").withAttribute("n", AttributeValue.of(new BigDecimal("-3"))));
        insert(customer("E"));
        assertThat(ids(CustomerQuery.builder().attributeBetween("n", new BigDecimal("9.50"), new BigDecimal("100")).build()))
                .containsExactlyInAnyOrder(a.id(), b.id(), c.id());
        assertThat(ids(CustomerQuery.builder().attributeBetween("n", new BigDecimal("9.6"), new BigDecimal("99.99")).build()))
                .containsExactly(b.id());
    }

    @Test
    @DisplayName("AttributeBetween with one open bound")
    public void query_attributeBetweenOpenBounds() {
        Customer a = insert(customer("A").withAttribute("n", AttributeValue.of(1)));
        Customer b = insert(customer("B").withAttribute("n", AttributeValue.of(5)));
        Customer c = insert(customer("C").withAttribute("n", AttributeValue.of(50)));
        insert(customer("D"));
        assertThat(ids(CustomerQuery.builder().attributeBetween("n", new BigDecimal(5), null).build()))
                .containsExactlyInAnyOrder(b.id(), c.id());
        assertThat(ids(CustomerQuery.builder().attributeBetween("n", null, new BigDecimal(5)).build()))
                .containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    @DisplayName("AttributeBetween on dates is inclusive at both ends")
    public void query_attributeBetweenDate() {
        Customer a = insert(customer("A").withAttribute("d", AttributeValue.of(LocalDate.of(2024, 1, 1))));
        Customer b = insert(customer("B").withAttribute("d", AttributeValue.of(LocalDate.of(2024, 12, 31))));
        insert(customer("C").withAttribute("d", AttributeValue.of(LocalDate.of(2025, 1, 1))));
        insert(customer("D").withAttribute("d", AttributeValue.of(LocalDate.of(2023, 12, 31))));
        assertThat(ids(CustomerQuery.builder().attributeBetween("d", AttributeValue.of(LocalDate.of(2024, 1, 1)),
                AttributeValue.of(LocalDate.of(2024, 12, 31))).build())).containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    @DisplayName("AttributeBetween on text compares by code point")
    public void query_attributeBetweenText() {
        Customer a = insert(customer("A").withAttribute("code", AttributeValue.of("B")));
        Customer b = insert(customer("B").withAttribute("code", AttributeValue.of("Ba")));
        insert(customer("C").withAttribute("code", AttributeValue.of("a"))); // 'a' > 'C' in code points
        insert(customer("D").withAttribute("code", AttributeValue.of("A")));
        assertThat(ids(CustomerQuery.builder().attributeBetween("code", AttributeValue.of("B"), AttributeValue.of("C")).build()))
                .containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    @DisplayName("AttributeBetween on timestamps is inclusive at microsecond precision")
    public void query_attributeBetweenTimestamp() {
        Instant t = Instant.parse("2025-06-01T10:00:00.000001Z");
        Customer a = insert(customer("A").withAttribute("seen", AttributeValue.of(t)));
        insert(customer("B").withAttribute("seen", AttributeValue.of(t.minusNanos(1000))));
        Customer c = insert(customer("C").withAttribute("seen", AttributeValue.of(t.plusSeconds(3600))));
        insert(customer("D").withAttribute("seen", AttributeValue.of(t.plusSeconds(3600).plusNanos(1000))));
        assertThat(ids(CustomerQuery.builder().attributeBetween("seen", AttributeValue.of(t),
                AttributeValue.of(t.plusSeconds(3600))).build())).containsExactlyInAnyOrder(a.id(), c.id());
    }

    @Test
    @DisplayName("CreatedBetween is half-open: [from, to)")
    public void query_createdBetween() {
        Instant t0 = fixtures().now();
        Customer a = insert(createdAt(customer("A"), t0));
        Customer b = insert(createdAt(customer("B"), t0.plusSeconds(10)));
        Customer c = insert(createdAt(customer("C"), t0.plusSeconds(20)));
        assertThat(ids(CustomerQuery.builder().createdBetween(t0, t0.plusSeconds(20)).build()))
                .containsExactly(a.id(), b.id());
        assertThat(ids(CustomerQuery.builder().createdBetween(t0.plusNanos(1000), null).build()))
                .containsExactly(b.id(), c.id());
        assertThat(ids(CustomerQuery.builder().createdBetween(null, t0.plusSeconds(10)).build()))
                .containsExactly(a.id());
    }

    @Test
    @DisplayName("ContactContains finds a fragment of any contact value, ignoring ASCII case")
    public void query_contactContains() {
        Customer a = insert(withContacts(customer("A"), email("anna.mueller@example.com", true)));
        Customer b = insert(withContacts(customer("B"), email("bob@example.com", true),
                new ContactPoint(ContactType.PHONE, "+8613812345678", false, false)));
        insert(withContacts(customer("C"), email("carl@example.org", true)));
        assertThat(ids(CustomerQuery.builder().contactContains("MUELLER").build())).containsExactly(a.id());
        assertThat(ids(CustomerQuery.builder().contactContains("5678").build())).containsExactly(b.id());
        assertThat(ids(CustomerQuery.builder().contactContains("Example.COM").build())).containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    @DisplayName("NameContains matches a fragment of the display name, ignoring case, also for CJK names")
    public void query_nameContains() {
        Customer a = insert(customer("王小明"));
        Customer b = insert(customer("Anna Müller"));
        insert(customer("李雷"));
        assertThat(ids(CustomerQuery.builder().nameContains("小明").build())).containsExactly(a.id());
        assertThat(ids(CustomerQuery.builder().nameContains("müll").build())).containsExactly(b.id());
        assertThat(ids(CustomerQuery.builder().nameContains("anna").build())).containsExactly(b.id());
    }

    @Test
    @DisplayName("SourceChannelIs matches the source channel exactly")
    public void query_sourceChannelIs() {
        Customer a = insert(customer("A").withSourceChannel(Channel.POS));
        insert(customer("B").withSourceChannel(Channel.ESHOP));
        insert(customer("C"));
        assertThat(ids(CustomerQuery.builder().source(Channel.POS).build())).containsExactly(a.id());
    }

    @Test
    @DisplayName("several criteria combine with AND")
    public void query_criteriaCombineWithAnd() {
        TagId vip = fixtures().tagId();
        Customer a = insert(customer("Anna").withTag(vip).withStage(LifecycleStage.ACTIVE).withSourceChannel(Channel.POS)
                .withAttribute("n", AttributeValue.of(5)));
        insert(customer("Anton").withTag(vip).withStage(LifecycleStage.ACTIVE).withSourceChannel(Channel.ESHOP)
                .withAttribute("n", AttributeValue.of(5)));
        insert(customer("Annette").withStage(LifecycleStage.ACTIVE).withSourceChannel(Channel.POS)
                .withAttribute("n", AttributeValue.of(5)));
        insert(customer("Anke").withTag(vip).withStage(LifecycleStage.ACTIVE).withSourceChannel(Channel.POS)
                .withAttribute("n", AttributeValue.of(50)));
        CustomerQuery q = CustomerQuery.builder().nameContains("an").tag(vip).stage(LifecycleStage.ACTIVE)
                .source(Channel.POS).attributeBetween("n", BigDecimal.ONE, BigDecimal.TEN).build();
        assertThat(ids(q)).containsExactly(a.id());
        assertThat(readCount(s -> s.customers().count(TENANT, q))).isEqualTo(1);
    }

    // ---- sorting, limit, count ---------------------------------------------------------------

    @Test
    @DisplayName("CREATED_ASC orders by (createdAt, id) ascending")
    public void query_sortCreatedAsc() {
        Instant t0 = fixtures().now();
        Customer b = insert(createdAt(customer("B"), t0.plusSeconds(1)));
        Customer a = insert(createdAt(customer("A"), t0));
        Customer c1 = insert(createdAt(customer("C1"), t0.plusSeconds(2)));
        Customer c2 = insert(createdAt(customer("C2"), t0.plusSeconds(2)));
        List<CustomerId> ties = c1.id().compareTo(c2.id()) < 0 ? List.of(c1.id(), c2.id()) : List.of(c2.id(), c1.id());
        assertThat(ids(CustomerQuery.builder().sort(CustomerSort.CREATED_ASC).build()))
                .containsExactly(a.id(), b.id(), ties.get(0), ties.get(1));
    }

    @Test
    @DisplayName("CREATED_DESC orders by (createdAt, id) descending")
    public void query_sortCreatedDesc() {
        Instant t0 = fixtures().now();
        Customer b = insert(createdAt(customer("B"), t0.plusSeconds(1)));
        Customer a = insert(createdAt(customer("A"), t0));
        Customer c1 = insert(createdAt(customer("C1"), t0.plusSeconds(2)));
        Customer c2 = insert(createdAt(customer("C2"), t0.plusSeconds(2)));
        List<CustomerId> ties = c1.id().compareTo(c2.id()) > 0 ? List.of(c1.id(), c2.id()) : List.of(c2.id(), c1.id());
        assertThat(ids(CustomerQuery.builder().sort(CustomerSort.CREATED_DESC).build()))
                .containsExactly(ties.get(0), ties.get(1), b.id(), a.id());
    }

    @Test
    @DisplayName("NAME_ASC orders by lower-cased display name compared by code point, then id")
    public void query_sortNameAsc() {
        Customer zh = insert(customer("王小明"));
        Customer bob = insert(customer("bob"));
        Customer anna = insert(customer("Anna"));
        Customer umlaut = insert(customer("Ölaf"));
        Customer bob2 = insert(customer("BOB"));
        Customer zed = insert(customer("Zed"));
        List<CustomerId> bobs = bob.id().compareTo(bob2.id()) < 0 ? List.of(bob.id(), bob2.id()) : List.of(bob2.id(), bob.id());
        // code points: a(61) < b(62) < z(7a) < ö(f6) < 王(738b)
        assertThat(ids(CustomerQuery.builder().sort(CustomerSort.NAME_ASC).build()))
                .containsExactly(anna.id(), bobs.get(0), bobs.get(1), zed.id(), umlaut.id(), zh.id());
    }

    @Test
    @DisplayName("a query returns at most limit customers")
    public void query_limit() {
        for (int i = 0; i < 5; i++) {
            insert(customer("C" + i));
        }
        assertThat(readList(s -> s.customers().query(TENANT, CustomerQuery.all(), null, 3))).hasSize(3);
    }

    @Test
    @DisplayName("count equals the number of customers the query returns")
    public void count_matchesQuery() {
        TagId t = fixtures().tagId();
        for (int i = 0; i < 7; i++) {
            insert(i % 3 == 0 ? customer("C" + i).withTag(t) : customer("C" + i));
        }
        CustomerQuery q = CustomerQuery.builder().tag(t).build();
        assertThat(readCount(s -> s.customers().count(TENANT, q))).isEqualTo(3).isEqualTo(ids(q).size());
        assertThat(readCount(s -> s.customers().count(TENANT, CustomerQuery.all()))).isEqualTo(7);
    }

    @Test
    @DisplayName("queries and counts on an empty store return nothing")
    public void query_emptyStore() {
        assertThat(query(CustomerQuery.all())).isEmpty();
        assertThat(readCount(s -> s.customers().count(TENANT, CustomerQuery.all()))).isZero();
    }

    @Test
    @DisplayName("insertAll stores every customer like insert does")
    public void insertAll_storesEvery() {
        List<Customer> many = List.of(customer("A"), customer("B"), customer("C"));
        inWrite(s -> s.customers().insertAll(many));
        assertThat(query(CustomerQuery.all())).containsExactlyInAnyOrderElementsOf(many);
    }

    @Test
    @DisplayName("insertAll with a clashing key fails with DuplicateException and stores nothing of that transaction")
    public void insertAll_duplicateRollsBack() {
        insert(withExternalId(customer("A"), "pos:member", "1"));
        List<Customer> batch = List.of(customer("B"), withExternalId(customer("C"), "pos:member", "1"));
        assertThatThrownBy(() -> inWrite(s -> s.customers().insertAll(batch))).isInstanceOf(DuplicateException.class);
        assertThat(query(CustomerQuery.all())).extracting(c -> c.person().displayName()).containsExactly("A");
    }
}
