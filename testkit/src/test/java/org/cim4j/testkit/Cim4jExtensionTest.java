package org.cim4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.cim4j.Cim4j;
import org.cim4j.TenantId;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.spi.StorageProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Cim4jTest(seed = 7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Cim4jExtensionTest {
    private static StorageProvider previousStorage;
    private static MutableClock previousClock;

    @Test
    @Order(1)
    void parameters_freshPerTest(MutableClock clock, StorageProvider storage, SyntheticData data) {
        assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START);
        assertThat(storage.name()).isEqualTo("memory");
        long count = storage.read(s -> s.customers().count(org.cim4j.TenantId.DEFAULT, CustomerQuery.all()));
        assertThat(count).isZero();
        assertThat(data.customers(3)).isEqualTo(new SyntheticData(7).customers(3));
        clock.advance(Duration.ofDays(1));
        previousStorage = storage;
        previousClock = clock;
    }

    @Test
    @Order(2)
    void parameters_notSharedAcrossTests_andClosedAfterEach(MutableClock clock, StorageProvider storage) {
        assertThat(clock).isNotSameAs(previousClock);
        assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START);
        assertThat(storage).isNotSameAs(previousStorage);
        assertThatThrownBy(() -> previousStorage.read(s -> s.tags().list(org.cim4j.TenantId.DEFAULT)))
                .as("storage of the previous test was closed").isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Order(3)
    void parameters_sharedWithinOneTest(MutableClock first, MutableClock second, StorageProvider a, StorageProvider b) {
        assertThat(first).isSameAs(second);
        assertThat(a).isSameAs(b);
    }

    private static org.cim4j.customer.CustomerId firstId;

    @Test
    @Order(4)
    void cim4j_runsOnTheInjectedStorageClockAndSeed(Cim4j crm, MutableClock clock, StorageProvider storage, SyntheticData data) {
        assertThat(crm.storage()).isSameAs(storage);
        Customer c = crm.customers().create(data.customers().findFirst().orElseThrow());
        assertThat(c.createdAt()).isEqualTo(MutableClock.DEFAULT_START);
        assertThat(c.tenant()).isEqualTo(TenantId.DEFAULT);
        CimAssertions.assertThat(c).hasVersion(1).isActive();
        firstId = c.id();
    }

    @Test
    @Order(5)
    @DisplayName("the same seed gives the same ids in every test")
    void cim4j_seededIds(Cim4j crm, SyntheticData data) {
        Customer c = crm.customers().create(data.customers().findFirst().orElseThrow());
        assertThat(c.id()).isEqualTo(firstId);
    }

    @Test
    @Order(6)
    @Cim4jTest(seed = 8, tenant = "shop-1")
    @DisplayName("a method-level @Cim4jTest overrides the class-level seed and tenant")
    void cim4j_methodLevelConfiguration(Cim4j crm, SyntheticData data) {
        Customer c = crm.customers().create(data.customers().findFirst().orElseThrow());
        assertThat(c.tenant()).isEqualTo(TenantId.of("shop-1"));
        assertThat(c.id()).isNotEqualTo(firstId);
        assertThat(data.customers(2)).isEqualTo(new SyntheticData(8).customers(3).subList(1, 3));
    }
}
