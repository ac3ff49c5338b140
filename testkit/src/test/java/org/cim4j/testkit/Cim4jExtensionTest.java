package org.cim4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.spi.StorageProvider;
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
}
