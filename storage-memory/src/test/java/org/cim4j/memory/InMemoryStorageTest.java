package org.cim4j.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cim4j.DuplicateException;
import org.cim4j.StorageException;
import org.cim4j.TenantId;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.Person;
import org.cim4j.spi.Stores;
import org.junit.jupiter.api.Test;

class InMemoryStorageTest {
    private static final TenantId T = TenantId.of("t1");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final InMemoryStorage storage = InMemoryStorage.create();

    private static Customer customer(String name, String email, String externalId) {
        return new Customer(CustomerId.of(UUID.randomUUID()), T, 1, CustomerStatus.ACTIVE, null, LifecycleStage.LEAD,
                Person.named(name), List.of(ContactPoint.email(email)), List.of(), null,
                Set.of(ExternalId.parse(externalId)), Map.of(), Set.of(), NOW, NOW);
    }

    @Test
    void inTransaction_failedWorkLeavesNothingBehind() {
        Customer a = customer("A", "a@x.org", "pos:1");
        assertThatThrownBy(() -> storage.write(s -> {
            s.customers().insert(a);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        Optional<Customer> found = storage.read(s -> s.customers().findById(T, a.id()));
        assertThat(found).isEmpty();
        // the unique keys were rolled back too: the same keys can be claimed again
        Customer b = customer("B", "a@x.org", "pos:1");
        storage.write(s -> {
            s.customers().insert(b);
            return null;
        });
        Optional<Customer> holder = storage.read(s -> s.customers().findByExternalId(T, ExternalId.parse("pos:1")));
        assertThat(holder).contains(b);
    }

    @Test
    void update_failedKeyClaimInsideWorkDoesNotReleaseOwnKeys() {
        Customer a = customer("A", "a@x.org", "pos:1");
        Customer b = customer("B", "b@x.org", "pos:2");
        storage.write(s -> {
            s.customers().insert(a);
            s.customers().insert(b);
            return null;
        });
        Customer clash = new Customer(b.id(), T, 2, CustomerStatus.ACTIVE, null, b.stage(), b.person(), b.contacts(),
                List.of(), null, Set.of(ExternalId.parse("pos:1")), Map.of(), Set.of(), NOW, NOW);
        storage.write(s -> {
            assertThatThrownBy(() -> s.customers().update(clash)).isInstanceOf(DuplicateException.class);
            // b still holds pos:2 inside the same transaction after the failed update
            assertThat(s.customers().findByExternalId(T, ExternalId.parse("pos:2"))).contains(b);
            return null;
        });
    }

    @Test
    void inTransaction_nestedIsRejected() {
        assertThatThrownBy(() -> storage.read(s -> storage.read(inner -> 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nested");
    }

    @Test
    void write_inReadOnlyTransactionIsRejected() {
        assertThatThrownBy(() -> storage.read(s -> {
            s.customers().insert(customer("A", "a@x.org", "pos:1"));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
    }

    @Test
    void stores_cannotBeUsedAfterTheirTransaction() {
        Stores leaked = storage.read(s -> s);
        assertThatThrownBy(() -> leaked.customers().findById(T, CustomerId.of(UUID.randomUUID())))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("outside of its transaction");
    }

    @Test
    void close_rejectsFurtherTransactions() {
        storage.close();
        assertThatThrownBy(() -> storage.read(s -> 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void codePointOrder_sortsSupplementaryCharactersAfterHighBmp() {
        String bmpHigh = "\uFF21"; // FULLWIDTH LATIN CAPITAL A, U+FF21
        String supplementary = new String(Character.toChars(0x20000)); // CJK EXT B, U+20000
        assertThat(MemoryQueries.CODE_POINT_ORDER.compare(bmpHigh, supplementary)).isNegative();
        assertThat(bmpHigh.compareTo(supplementary)).isPositive(); // UTF-16 order differs, hence the comparator
        assertThat(MemoryQueries.CODE_POINT_ORDER.compare("ab", "abc")).isNegative();
        assertThat(MemoryQueries.CODE_POINT_ORDER.compare("abc", "abc")).isZero();
    }

    @Test
    void query_readsOnlyTheTenantsCustomers() {
        Customer a = customer("A", "a@x.org", "pos:1");
        storage.write(s -> {
            s.customers().insert(a);
            return null;
        });
        List<Customer> other = storage.read(s -> s.customers().query(TenantId.of("other"), CustomerQuery.all(), null, 10));
        List<Customer> own = storage.read(s -> s.customers().query(T, CustomerQuery.all(), null, 10));
        assertThat(other).isEmpty();
        assertThat(own).containsExactly(a);
    }
}
