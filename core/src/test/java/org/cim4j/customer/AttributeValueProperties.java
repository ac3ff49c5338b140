package org.cim4j.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AttributeValueProperties {

    @Property
    void textFormParsesBack(@ForAll("values") AttributeValue value) {
        assertThat(AttributeValue.parse(value.type(), value.asText())).isEqualTo(value);
    }

    @Property
    void numbersEqualRegardlessOfScale(@ForAll BigDecimal n) {
        assertThat(AttributeValue.of(n)).isEqualTo(AttributeValue.of(n.setScale(n.scale() + 2)));
    }

    @Property
    void compareToIsConsistentWithEqualsWithinAType(@ForAll("values") AttributeValue a) {
        assertThat(a.compareTo(a)).isZero();
    }

    @Provide
    Arbitrary<AttributeValue> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(1000).map(AttributeValue::of),
                Arbitraries.bigDecimals().map(AttributeValue::of),
                Arbitraries.of(true, false).map(AttributeValue::of),
                Arbitraries.longs().between(-100_000, 2_900_000).map(d -> AttributeValue.of(LocalDate.ofEpochDay(d))),
                Arbitraries.longs().between(-10_000_000_000L, 100_000_000_000L)
                        .flatMap(s -> Arbitraries.integers().between(0, 999_999).map(us ->
                                AttributeValue.of(Instant.ofEpochSecond(s, us * 1000L)))));
    }
}
