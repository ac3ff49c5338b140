package org.cim4j.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.cim4j.customer.CustomerId;
import org.junit.jupiter.api.Test;

/** Generated data is a pure function of seed and row number, and its unique keys are unique. */
class SyntheticDataTest {
    private final SyntheticData data = new SyntheticData(42, 1_000_000, 5_000_000, 2_000_000);
    private final CustomerId owner = CustomerId.of(new UUID(1, 2));

    @Test
    void sameSeedAndRowGiveTheSameRecords() {
        SyntheticData again = new SyntheticData(42, 1_000_000, 5_000_000, 2_000_000);
        assertThat(again.customer(123_456)).usingRecursiveComparison().isEqualTo(data.customer(123_456));
        assertThat(again.interaction(4_999_999, owner)).isEqualTo(data.interaction(4_999_999, owner));
        assertThat(data.stage(123_456)).isEqualTo(data.customer(123_456).stage());
        assertThat(again.purchase(77, owner)).isEqualTo(data.purchase(77, owner));
        assertThat(new SyntheticData(43, 10, 10, 10).email(5)).isNotEqualTo(new SyntheticData(42, 10, 10, 10).email(5));
    }

    @Test
    void emailsPhonesAndExternalIdsAreUnique() {
        Set<String> keys = new HashSet<>();
        int n = 50_000;
        for (long i = 0; i < n; i++) {
            keys.add("e" + data.email(i));
            keys.add("p" + data.phone(i));
            keys.add("x" + data.externalId(i).key());
        }
        assertThat(keys).hasSize(3 * n);
        assertThat(data.phone(999_999)).matches("\\+86138\\d{8}");
        assertThat(data.email(3)).isLowerCase().endsWith(".3@" + data.email(3).substring(data.email(3).indexOf('@') + 1));
    }

    @Test
    void interactionsAndPurchasesAreSpreadProportionallyAndAddUp() {
        SyntheticData small = new SyntheticData(1, 7, 36, 15);
        long interactions = 0;
        long purchases = 0;
        for (long i = 0; i < 7; i++) {
            long m = small.firstInteraction(i + 1) - small.firstInteraction(i);
            assertThat(m).isBetween(5L, 6L);
            interactions += m;
            purchases += small.firstPurchase(i + 1) - small.firstPurchase(i);
        }
        assertThat(interactions).isEqualTo(36);
        assertThat(purchases).isEqualTo(15);
        assertThat(data.firstInteraction(1_000_000)).isEqualTo(5_000_000);
    }

    @Test
    void purchasesHaveOneToThreeLinesInOneCurrency() {
        for (long k = 0; k < 1_000; k++) {
            var p = data.purchase(k, owner);
            assertThat(p.lines()).hasSizeBetween(1, 3);
            assertThat(SyntheticData.total(p).currency().getCurrencyCode()).isEqualTo("EUR");
            assertThat(p.orderId()).isEqualTo("o-" + k);
        }
    }

    @Test
    void rejectsSizesBeyondTheUniqueKeySpace() {
        assertThatThrownBy(() -> new SyntheticData(1, 100_000_001L, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customers");
    }
}
