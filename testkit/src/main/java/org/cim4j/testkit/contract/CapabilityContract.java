package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cim4j.DuplicateException;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.spi.Capability;
import org.cim4j.spi.StorageProvider;
import org.cim4j.tag.Tag;
import org.cim4j.testkit.internal.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contracts of the optional {@link Capability capabilities}. Each test first checks that the
 * adapter declares its capability and is skipped (not failed) otherwise, so an adapter is held to
 * exactly what it claims.
 */
public abstract class CapabilityContract extends AdapterContract implements StorageContractRules.CapabilityRules {

    @Test
    @DisplayName("optional BULK_LOAD: insertAll stores a large batch in one transaction")
    public void optional_bulkLoad_largeBatch() {
        assumeCapabilities(Capability.BULK_LOAD);
        List<Customer> batch = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            batch.add(Fixtures.withExternalId(fixtures().customer(TENANT, "Bulk " + i), "pos:member", Integer.toString(i)));
        }
        inWrite(s -> s.customers().insertAll(batch));
        assertThat(readCount(s -> s.customers().count(TENANT, CustomerQuery.all()))).isEqualTo(2_000);
        assertThat(readOptional(s -> s.customers().findById(TENANT, batch.get(1_234).id()))).contains(batch.get(1_234));
    }

    @Test
    @DisplayName("optional BULK_LOAD: a clash anywhere in a batch rolls back the whole batch")
    public void optional_bulkLoad_clashRollsBackBatch() {
        assumeCapabilities(Capability.BULK_LOAD);
        insert(Fixtures.withExternalId(fixtures().customer(TENANT, "Holder"), "pos:member", "999"));
        List<Customer> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(Fixtures.withExternalId(fixtures().customer(TENANT, "Bulk " + i), "pos:member", Integer.toString(i)));
        }
        batch.add(Fixtures.withExternalId(fixtures().customer(TENANT, "Clash"), "pos:member", "999"));
        assertThatThrownBy(() -> inWrite(s -> s.customers().insertAll(batch))).isInstanceOf(DuplicateException.class);
        assertThat(readCount(s -> s.customers().count(TENANT, CustomerQuery.all()))).isEqualTo(1);
    }

    @Test
    @DisplayName("optional DURABLE: committed data is there after the provider is closed and reopened")
    public void optional_durable_survivesReopen() {
        assumeCapabilities(Capability.DURABLE);
        Customer c = insert(fixtures().fullCustomer(TENANT, java.util.Set.of()));
        Tag t = fixtures().tag(TENANT, "VIP");
        inWrite(s -> s.tags().insert(t));
        provider().close();
        StorageProvider reopened = closeAfterTest(openAnotherProvider());
        Optional<Customer> found = reopened.read(s -> s.customers().findById(TENANT, c.id()));
        List<Tag> tags = reopened.read(s -> s.tags().list(TENANT));
        assertThat(found).contains(c);
        assertThat(tags).containsExactly(t);
    }

    @Test
    @DisplayName("optional SHARED_ACROSS_INSTANCES: two instances see each other's commits and share unique keys and versions")
    public void optional_sharedAcrossInstances() {
        assumeCapabilities(Capability.SHARED_ACROSS_INSTANCES);
        StorageProvider second = closeAfterTest(openAnotherProvider());
        Customer c = insert(Fixtures.withExternalId(fixtures().customer(TENANT, "A"), "pos:member", "1"));
        Optional<Customer> seen = second.read(s -> s.customers().findById(TENANT, c.id()));
        assertThat(seen).contains(c);
        Customer clash = Fixtures.withExternalId(fixtures().customer(TENANT, "B"), "pos:member", "1");
        assertThatThrownBy(() -> second.write(s -> {
            s.customers().insert(clash);
            return null;
        })).isInstanceOf(DuplicateException.class);
        second.write(s -> {
            s.customers().update(fixtures().next(c));
            return null;
        });
        assertThatThrownBy(() -> inWrite(s -> s.customers().update(fixtures().next(c))))
                .isInstanceOf(org.cim4j.VersionConflictException.class);
    }
}
