package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerSort;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.spi.CustomerKeyset;
import org.cim4j.testkit.internal.Fixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keyset pagination of {@link org.cim4j.spi.CustomerStore#query}: reading page after page with
 * {@link CustomerKeyset#of(Customer)} of the last item returns every match exactly once and in
 * order, for every sort, even while other customers are inserted between page reads.
 */
public abstract class PagingContract extends AdapterContract implements StorageContractRules.PagingRules {
    private static final String[] NAMES = {"王小明", "李雷", "Anna", "anna", "Bob", "Émile", "Zoë", "韩梅梅", "Chen Wei", "Ölaf"};

    /** Inserts {@code n} customers with colliding names and creation times (ties broken by id). */
    private List<Customer> seed(int n, long seed) {
        Random random = new Random(seed);
        List<Customer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Customer c = fixtures().customer(TENANT, NAMES[random.nextInt(NAMES.length)]);
            c = Fixtures.createdAt(c, fixtures().now().plusSeconds(random.nextInt(5)).plusNanos(1000L * random.nextInt(3)));
            if (random.nextBoolean()) {
                c = c.withStage(LifecycleStage.ACTIVE);
            }
            all.add(c);
        }
        inWrite(s -> s.customers().insertAll(all));
        return all;
    }

    static Comparator<Customer> order(CustomerSort sort) {
        Comparator<Customer> created = Comparator.comparing(Customer::createdAt).thenComparing(Customer::id);
        return switch (sort) {
            case CREATED_ASC -> created;
            case CREATED_DESC -> created.reversed();
            case NAME_ASC -> Comparator.comparing((Customer c) -> c.person().sortName()).thenComparing(Customer::id);
        };
    }

    private List<Customer> page(CustomerQuery q, @Nullable CustomerKeyset after, int limit) {
        return provider().read(s -> s.customers().query(TENANT, q, after, limit));
    }

    /** Reads all pages; between pages runs {@code between} (may be null). */
    private List<Customer> readAll(CustomerQuery q, int limit, @Nullable Runnable between) {
        List<Customer> out = new ArrayList<>();
        CustomerKeyset after = null;
        for (int guard = 0; guard < 10_000; guard++) {
            List<Customer> page = page(q, after, limit);
            assertThat(page.size()).isLessThanOrEqualTo(limit);
            out.addAll(page);
            if (page.size() < limit) {
                return out;
            }
            after = CustomerKeyset.of(page.get(page.size() - 1));
            if (between != null) {
                between.run();
            }
        }
        throw new AssertionError("paging did not terminate");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CustomerSort.class)
    @DisplayName("page after page returns every customer exactly once, in sort order")
    public void paging_everyCustomerOnceInOrder(CustomerSort sort) {
        List<Customer> all = seed(37, 1);
        CustomerQuery q = CustomerQuery.builder().sort(sort).build();
        List<Customer> expected = all.stream().sorted(order(sort)).toList();
        assertThat(readAll(q, 5, null)).containsExactlyElementsOf(expected);
        assertThat(readAll(q, 37, null)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CustomerSort.class)
    @DisplayName("customers inserted between page reads never make a pre-existing one repeat or vanish")
    public void paging_stableUnderInserts(CustomerSort sort) {
        List<Customer> before = seed(23, 2);
        CustomerQuery q = CustomerQuery.builder().sort(sort).build();
        int[] n = {0};
        List<Customer> read = readAll(q, 4, () -> {
            clock().advance(Duration.ofSeconds(1));
            insert(fixtures().customer(TENANT, NAMES[n[0]++ % NAMES.length]));
            insert(Fixtures.createdAt(fixtures().customer(TENANT, "aaa" + n[0]), before.get(0).createdAt()));
        });
        List<CustomerId> readIds = read.stream().map(Customer::id).toList();
        assertThat(readIds).doesNotHaveDuplicates();
        List<CustomerId> preExisting = readIds.stream().filter(id -> before.stream().anyMatch(c -> c.id().equals(id))).toList();
        assertThat(preExisting).containsExactlyElementsOf(before.stream().sorted(order(sort)).map(Customer::id).toList());
        assertThat(read).isSortedAccordingTo(order(sort));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CustomerSort.class)
    @DisplayName("pages of one item walk the whole result")
    public void paging_limitOne(CustomerSort sort) {
        List<Customer> all = seed(9, 3);
        assertThat(readAll(CustomerQuery.builder().sort(sort).build(), 1, null))
                .containsExactlyElementsOf(all.stream().sorted(order(sort)).toList());
    }

    @Test
    @DisplayName("an empty result is one empty page")
    public void paging_emptyResult() {
        seed(5, 4);
        CustomerQuery q = CustomerQuery.builder().nameContains("nobody-has-this-name").build();
        assertThat(page(q, null, 10)).isEmpty();
    }

    @Test
    @DisplayName("the page after the last customer is empty")
    public void paging_afterLast() {
        List<Customer> all = seed(6, 5);
        Customer last = all.stream().max(order(CustomerSort.CREATED_ASC)).orElseThrow();
        assertThat(page(CustomerQuery.all(), CustomerKeyset.of(last), 10)).isEmpty();
    }

    @Test
    @DisplayName("paging a filtered query returns exactly the matching customers")
    public void paging_filtered() {
        List<Customer> all = seed(30, 6);
        CustomerQuery q = CustomerQuery.builder().stage(LifecycleStage.ACTIVE).sort(CustomerSort.NAME_ASC).build();
        List<Customer> expected = all.stream().filter(c -> c.stage() == LifecycleStage.ACTIVE)
                .sorted(order(CustomerSort.NAME_ASC)).toList();
        assertThat(readAll(q, 3, null)).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("a keyset from a customer that no longer matches still positions the next page")
    public void paging_keysetOfDeletedCustomer() {
        List<Customer> all = seed(10, 7);
        List<Customer> sorted = all.stream().sorted(order(CustomerSort.CREATED_ASC)).toList();
        Customer pivot = sorted.get(4);
        inWrite(s -> s.customers().update(fixtures().next(pivot, org.cim4j.customer.CustomerStatus.DELETED, null)));
        assertThat(page(CustomerQuery.all(), CustomerKeyset.of(pivot), 100)).containsExactlyElementsOf(sorted.subList(5, 10));
    }
}
