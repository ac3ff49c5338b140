package org.cim4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.jdbc.Fixtures.OTHER;
import static org.cim4j.jdbc.Fixtures.TENANT;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cim4j.Channel;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.StorageException;
import org.cim4j.VersionConflictException;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.Purchase;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerSort;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.interaction.InteractionType;
import org.cim4j.spi.CustomerKeyset;
import org.cim4j.spi.Stores;
import org.cim4j.spi.TimeKeyset;
import org.cim4j.tag.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The adapter's own store tests, run on every dialect by a subclass per database. */
abstract class JdbcStoreTestBase {
    protected JdbcStorage storage;
    protected Fixtures f;

    protected abstract TestDatabase database();

    @BeforeEach
    void open() {
        storage = database().freshProvider();
        f = new Fixtures();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    private <T> T read(java.util.function.Function<Stores, T> work) {
        return storage.read(work::apply);
    }

    private void write(java.util.function.Consumer<Stores> work) {
        storage.write(s -> {
            work.accept(s);
            return null;
        });
    }

    @Test
    void customer_roundTrip_keepsEveryField() {
        Customer c = f.customer(TENANT, "王小明", "xm@example.com", "pos:member:1");
        write(s -> s.customers().insert(c));
        assertThat(read((Stores s) -> s.customers().findById(TENANT, c.id()))).contains(c);
        assertThat(read((Stores s) -> s.customers().findById(OTHER, c.id()))).isEmpty();
    }

    @Test
    void update_bumpsVersion_replacesChildren_andChecksVersion() {
        Customer c = f.customer(TENANT, "Ann", "ann@example.com", "pos:member:2");
        write(s -> s.customers().insert(c));
        Customer changed = c.withAttribute("score", AttributeValue.of(7)).withAttribute("note", null)
                .withExternalIds(Set.of(ExternalId.parse("shop:user:9")))
                .withBookkeeping(2, CustomerStatus.ACTIVE, null, f.tick());
        write(s -> s.customers().update(changed));
        assertThat(read((Stores s) -> s.customers().findById(TENANT, c.id()))).contains(changed);
        assertThat(read((Stores s) -> s.customers().findByExternalId(TENANT, ExternalId.parse("pos:member:2")))).isEmpty();

        assertThatThrownBy(() -> write(s -> s.customers().update(changed)))
                .isInstanceOf(VersionConflictException.class).hasMessageContaining(c.id().toString());
        Customer ghost = f.plain(TENANT, "Ghost").withBookkeeping(2, CustomerStatus.ACTIVE, null, f.tick());
        assertThatThrownBy(() -> write(s -> s.customers().update(ghost))).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("unique keys bind only active customers and a clash names the holder")
    void insert_duplicateKeys_namesHolder_untilHolderLeavesActive() {
        Customer first = f.customer(TENANT, "A", "a@example.com", "pos:member:3");
        write(s -> s.customers().insert(first));
        Customer sameExt = f.customer(TENANT, "B", "b@example.com", "pos:member:3");
        assertThatThrownBy(() -> write(s -> s.customers().insert(sameExt)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> {
                    assertThat(e.key()).isEqualTo("externalId");
                    assertThat(e.existingId()).contains(first.id().toString());
                });
        Customer sameEmail = f.customer(TENANT, "C", "a@example.com", "pos:member:4");
        assertThatThrownBy(() -> write(s -> s.customers().insert(sameEmail)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("primaryContact"));
        // Another tenant may use the same keys.
        write(s -> s.customers().insert(f.customer(OTHER, "D", "a@example.com", "pos:member:3")));

        write(s -> s.customers().update(first.withBookkeeping(2, CustomerStatus.DELETED, null, f.tick())));
        write(s -> s.customers().insert(sameExt));
        assertThat(read((Stores s) -> s.customers().findByExternalId(TENANT, ExternalId.parse("pos:member:3"))))
                .map(Customer::id).contains(sameExt.id());
        assertThatThrownBy(() -> write(s -> s.customers().insert(sameExt)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
    }

    @Test
    void findByContact_matchesAnyActiveContact_orderedById() {
        Customer a = f.customer(TENANT, "A", "a@example.com", "x:1");
        Customer b = f.customer(TENANT, "B", "b@example.com", "x:2");
        write(s -> {
            s.customers().insert(a);
            s.customers().insert(b);
        });
        assertThat(read((Stores s) -> s.customers().findByContact(TENANT, ContactType.PHONE, "+8613800138000")))
                .extracting(Customer::id).containsExactly(a.id(), b.id());
        assertThat(read((Stores s) -> s.customers().findByContact(TENANT, ContactType.EMAIL, "b@example.com")))
                .extracting(Customer::id).containsExactly(b.id());
    }

    @Test
    @DisplayName("name sort compares code points and keyset pages cover every customer exactly once")
    void query_nameSort_keysetPagination() {
        List<String> names = List.of("Zoe", "adam", "Ähm", "émile", "bob", "bob", "_x", "%y", "王小明", "Adam");
        List<Customer> all = new ArrayList<>();
        for (String n : names) {
            all.add(f.plain(TENANT, n));
        }
        write(s -> s.customers().insertAll(all));
        CustomerQuery q = CustomerQuery.builder().sort(CustomerSort.NAME_ASC).build();
        List<Customer> seen = new ArrayList<>();
        CustomerKeyset after = null;
        while (true) {
            CustomerKeyset k = after;
            List<Customer> page = read((Stores s) -> s.customers().query(TENANT, q, k, 3));
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(page);
            after = CustomerKeyset.of(page.get(page.size() - 1));
        }
        Comparator<Customer> byCodePoint = Comparator.comparing((Customer c) -> c.person().sortName(),
                (x, y) -> x.codePoints().boxed().collect(Collectors.toList()).toString().equals(
                        y.codePoints().boxed().collect(Collectors.toList()).toString()) ? 0 : compareCodePoints(x, y))
                .thenComparing(Customer::id);
        assertThat(seen).containsExactlyElementsOf(all.stream().sorted(byCodePoint).collect(Collectors.toList()));
        assertThat(read((Stores s) -> s.customers().count(TENANT, q))).isEqualTo(names.size());

        CustomerQuery desc = CustomerQuery.builder().sort(CustomerSort.CREATED_DESC).build();
        List<Customer> firstTwo = read((Stores s) -> s.customers().query(TENANT, desc, null, 2));
        assertThat(firstTwo).containsExactly(all.get(9), all.get(8));
        assertThat(read((Stores s) -> s.customers().query(TENANT, desc, CustomerKeyset.of(firstTwo.get(1)), 1)))
                .containsExactly(all.get(7));
    }

    private static int compareCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    @Test
    void query_criteria_translateToSql() {
        Tag vip = f.tag(TENANT, "vip");
        Customer a = f.customer(TENANT, "Alice Smith", "alice@shop.example", "x:a").withTag(vip.id());
        Customer b = f.customer(TENANT, "Bob 100%_off", "bob@mail.example", "x:b")
                .withAttribute("score", AttributeValue.of(new BigDecimal("99")));
        Customer merged = f.customer(TENANT, "Carl", "carl@shop.example", "x:c")
                .withBookkeeping(1, CustomerStatus.MERGED, a.id(), f.tick());
        write(s -> {
            s.tags().insert(vip);
            s.customers().insertAll(List.of(a, b, merged));
        });
        assertThat(ids(CustomerQuery.builder().attributeEquals("score", AttributeValue.of(new BigDecimal("12.5"))).build()))
                .containsExactly(a);
        assertThat(ids(CustomerQuery.builder().attributeBetween("score", new BigDecimal("13"), null).build()))
                .containsExactly(b);
        assertThat(ids(CustomerQuery.builder().attributeEquals("vip", AttributeValue.of(true))
                .attributeBetween("seen", AttributeValue.of(Instant.parse("2025-05-05T10:00:00.123456Z")), null)
                .build())).containsExactly(a, b);
        assertThat(ids(CustomerQuery.builder().tag(vip.id()).build())).containsExactly(a);
        assertThat(ids(CustomerQuery.builder().contactContains("SHOP.EX").build())).containsExactly(a);
        assertThat(ids(CustomerQuery.builder().contactContains("SHOP.EX").status(CustomerStatus.MERGED,
                CustomerStatus.ACTIVE).build())).containsExactly(a, merged);
        assertThat(ids(CustomerQuery.builder().nameContains("0%_").build())).containsExactly(b);
        assertThat(ids(CustomerQuery.builder().nameContains("%").build())).containsExactly(b);
        assertThat(ids(CustomerQuery.builder().nameContains("' OR 1=1 --").build())).isEmpty();
        assertThat(ids(CustomerQuery.builder().nameContains("a_i").build())).isEmpty();
        assertThat(ids(CustomerQuery.builder().source(Channel.POS).createdBetween(a.createdAt(), b.createdAt())
                .build())).containsExactly(a);
        assertThat(read((Stores s) -> s.customers().count(TENANT, CustomerQuery.all()))).isEqualTo(2);
    }

    private List<Customer> ids(CustomerQuery q) {
        return read((Stores s) -> s.customers().query(TENANT, q, null, 100));
    }

    @Test
    void insertAll_batches_andRejectsDuplicatesInsideTheBatch() {
        List<Customer> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(f.customer(TENANT, "N" + i, "n" + i + "@example.com", "bulk:" + i));
        }
        write(s -> s.customers().insertAll(many));
        assertThat(read((Stores s) -> s.customers().count(TENANT, CustomerQuery.all()))).isEqualTo(300);
        assertThat(read((Stores s) -> s.customers().findById(TENANT, many.get(150).id()))).contains(many.get(150));

        Customer x = f.customer(TENANT, "X", "x@example.com", "bulk:x");
        Customer y = f.customer(TENANT, "Y", "y@example.com", "bulk:x");
        assertThatThrownBy(() -> write(s -> s.customers().insertAll(List.of(x, y))))
                .isInstanceOf(DuplicateException.class);
        Customer clash = f.customer(TENANT, "Z", "z@example.com", "bulk:7");
        assertThatThrownBy(() -> write(s -> s.customers().insertAll(List.of(f.plain(TENANT, "ok"), clash))))
                .isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.existingId()).contains(many.get(7).id().toString()));
        assertThat(read((Stores s) -> s.customers().count(TENANT, CustomerQuery.all()))).isEqualTo(300);
    }

    @Test
    void insertAll_clashWithStoredHolder_caughtInTheUnit_leavesNothingOfTheBatch() {
        Customer held = f.customer(TENANT, "Held", "held@example.com", "bulk:held");
        write(s -> s.customers().insert(held));
        Customer first = f.plain(TENANT, "First");
        Customer clash = f.customer(TENANT, "Clash", "clash@example.com", "bulk:held");
        Customer after = f.plain(TENANT, "After");
        write(s -> {
            assertThatThrownBy(() -> s.customers().insertAll(List.of(first, clash)))
                    .isInstanceOfSatisfying(DuplicateException.class,
                            e -> assertThat(e.existingId()).contains(held.id().toString()));
            s.customers().insert(after); // the transaction goes on and commits
        });
        assertThat(read((Stores s) -> s.customers().findById(TENANT, first.id()))).isEmpty();
        assertThat(read((Stores s) -> s.customers().findById(TENANT, clash.id()))).isEmpty();
        assertThat(read((Stores s) -> s.customers().findById(TENANT, after.id()))).contains(after);
        assertThat(read((Stores s) -> s.customers().count(TENANT, CustomerQuery.all()))).isEqualTo(2);
    }

    @Test
    void interactions_timeline_newestFirst_withKeysetAndFilters() {
        Customer c = f.plain(TENANT, "C");
        Instant base = Instant.parse("2026-01-02T00:00:00Z");
        List<Interaction> list = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            list.add(f.interaction(TENANT, c.id(), i % 2 == 0 ? InteractionType.CALL : InteractionType.EMAIL,
                    base.plus(Duration.ofMinutes(i / 2))));
        }
        write(s -> {
            s.customers().insert(c);
            s.interactions().insertAll(list.subList(0, 5));
            s.interactions().insert(list.get(5));
        });
        List<Interaction> first = read((Stores s) -> s.interactions().timeline(TENANT, c.id(), InteractionQuery.all(),
                null, 4));
        assertThat(first).containsExactly(list.get(5), list.get(4), list.get(3), list.get(2));
        Interaction last = first.get(3);
        assertThat(read((Stores s) -> s.interactions().timeline(TENANT, c.id(), InteractionQuery.all(),
                new TimeKeyset(last.occurredAt(), last.id().value()), 10))).containsExactly(list.get(1), list.get(0));
        InteractionQuery calls = InteractionQuery.ofTypes(InteractionType.CALL).between(base, base.plusSeconds(90));
        assertThat(read((Stores s) -> s.interactions().count(TENANT, c.id(), calls))).isEqualTo(2);
        assertThat(read((Stores s) -> s.interactions().findById(TENANT, list.get(3).id()))).contains(list.get(3));
        assertThatThrownBy(() -> write(s -> s.interactions().insert(list.get(0))))
                .isInstanceOf(DuplicateException.class);
    }

    @Test
    void purchases_roundTrip_orderIdUnique_updateAndHistory() {
        Customer c = f.plain(TENANT, "C");
        Purchase p1 = f.purchase(TENANT, c.id(), "o-1");
        Purchase p2 = f.purchase(TENANT, c.id(), "o-2");
        write(s -> {
            s.customers().insert(c);
            s.purchases().insert(p1);
            s.purchases().insertAll(List.of(p2));
        });
        assertThat(read((Stores s) -> s.purchases().findById(TENANT, p1.id()))).contains(p1);
        assertThat(read((Stores s) -> s.purchases().findByOrder(TENANT, Channel.ESHOP, "o-2"))).contains(p2);
        Purchase again = f.purchase(TENANT, c.id(), "o-1");
        assertThatThrownBy(() -> write(s -> s.purchases().insert(again)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> {
                    assertThat(e.key()).isEqualTo("orderId");
                    assertThat(e.existingId()).contains(p1.id().toString());
                });
        Purchase refunded = p1.withRefunded(Money.of("5.00", "EUR"));
        write(s -> s.purchases().update(refunded));
        assertThat(read((Stores s) -> s.purchases().findById(TENANT, p1.id()))).contains(refunded);
        assertThatThrownBy(() -> write(s -> s.purchases().update(refunded)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(read((Stores s) -> s.purchases().history(TENANT, c.id(), null, 10))).containsExactly(p2, refunded);
        assertThat(read((Stores s) -> s.purchases().history(TENANT, c.id(),
                new TimeKeyset(p2.occurredAt(), p2.id().value()), 10))).containsExactly(refunded);
    }

    @Test
    void tags_listedByBinaryName_andNamesUniquePerTenant() {
        Tag b = f.tag(TENANT, "b");
        Tag upper = f.tag(TENANT, "Z");
        Tag a = f.tag(TENANT, "a");
        write(s -> {
            s.tags().insert(b);
            s.tags().insert(upper);
            s.tags().insert(a);
            s.tags().insert(f.tag(OTHER, "a"));
        });
        assertThat(read((Stores s) -> s.tags().list(TENANT))).containsExactly(upper, a, b);
        assertThat(read((Stores s) -> s.tags().findByName(TENANT, "A"))).isEmpty();
        assertThatThrownBy(() -> write(s -> s.tags().insert(f.tag(TENANT, "a"))))
                .isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.existingId()).contains(a.id().toString()));
    }

    @Test
    void failedWork_rollsBackEverything_andStoresDieWithTheirTransaction() {
        Customer c = f.customer(TENANT, "R", "r@example.com", "x:r");
        assertThatThrownBy(() -> write(s -> {
            s.customers().insert(c);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(read((Stores s) -> s.customers().findById(TENANT, c.id()))).isEmpty();
        write(s -> s.customers().insert(c));

        Stores leaked = read((Stores s) -> s);
        assertThatThrownBy(() -> leaked.customers().findById(TENANT, c.id()))
                .isInstanceOf(StorageException.class).hasMessageContaining("outside of its transaction");
    }

    @Test
    void duplicateKeyInsideWork_leavesTransactionUsable() {
        Customer first = f.customer(TENANT, "A", "a@example.com", "x:1");
        write(s -> s.customers().insert(first));
        Customer second = f.customer(TENANT, "B", "b@example.com", "x:2");
        write(s -> {
            try {
                s.customers().insert(f.customer(TENANT, "dup", "z@example.com", "x:1"));
            } catch (DuplicateException expected) {
                s.customers().insert(second);
            }
        });
        assertThat(read((Stores s) -> s.customers().findById(TENANT, second.id()))).contains(second);
    }

    @Test
    void readOnlyWork_leavesPooledConnectionsAsTheyWere() throws Exception {
        // Work without a single statement too: settings meant for one transaction must not outlive it.
        for (int i = 0; i < 3; i++) {
            storage.read(s -> null);
            read((Stores s) -> s.customers().findById(TENANT, f.plain(TENANT, "Nobody").id()));
        }
        Customer c = f.plain(TENANT, "Later");
        write(s -> s.customers().insert(c));
        assertThat(read((Stores s) -> s.customers().findById(TENANT, c.id()))).contains(c);
        TestDatabase db = database();
        try (java.sql.Connection conn = db.dataSource.getConnection();
             java.sql.Statement st = conn.createStatement()) {
            assertThat(conn.isReadOnly()).isFalse();
            st.executeUpdate("DELETE FROM " + db.schema + ".customer_tag WHERE tenant_id = 'nobody'");
        }
    }

    @Test
    void readOnlyWork_cannotWrite() {
        Customer c = f.plain(TENANT, "RO");
        assertThatThrownBy(() -> storage.read(s -> {
            s.customers().insert(c);
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThat(read((Stores s) -> s.customers().findById(TENANT, c.id()))).isEmpty();
    }

    @Test
    void hugeAndPreciseNumbers_roundTripExactly_andMatchByEquality() {
        BigDecimal huge = new BigDecimal("123456789012345678901234567890123456789012345.5");
        BigDecimal precise = new BigDecimal("0.1234567890123456789012345");
        Customer c = f.plain(TENANT, "N").withAttribute("big", AttributeValue.of(huge))
                .withAttribute("tiny", AttributeValue.of(precise));
        write(s -> s.customers().insert(c));
        assertThat(read((Stores s) -> s.customers().findById(TENANT, c.id()))).contains(c);
        assertThat(ids(CustomerQuery.builder().attributeEquals("big", AttributeValue.of(huge)).build())).containsExactly(c);
        assertThat(ids(CustomerQuery.builder().attributeEquals("tiny", AttributeValue.of(precise)).build()))
                .containsExactly(c);
        assertThat(ids(CustomerQuery.builder().attributeEquals("tiny",
                AttributeValue.of(new BigDecimal("0.1234567890123456789012346"))).build())).isEmpty();
    }
}
