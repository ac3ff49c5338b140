package org.cim4j.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void scaleFollowsTheCurrency() {
        assertThat(Money.of("10", "EUR")).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(Money.of("10", "EUR").amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(Money.of("1000", "JPY").amount().scale()).isZero();
        assertThat(Money.of("1.5", "EUR")).hasToString("1.50 EUR");
    }

    @Test
    void tooManyFractionDigits_rejectedNotRounded() {
        assertThatThrownBy(() -> Money.of("1.005", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arithmeticIsExact() {
        Money a = Money.of("0.10", "EUR");
        Money sum = a.plus(a).plus(a);

        assertThat(sum).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(Money.of("39.90", "CNY").times(2)).isEqualTo(Money.of("79.80", "CNY"));
        assertThat(sum.minus(Money.of("0.40", "EUR")).isNegative()).isTrue();
        assertThat(Money.zero(a.currency()).isZero()).isTrue();
    }

    @Test
    void currenciesNeverMix() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.of("2", "EUR").compareTo(Money.of("10", "EUR"))).isNegative();
    }
}
