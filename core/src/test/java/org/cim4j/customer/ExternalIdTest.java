package org.cim4j.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalIdTest {

    @Test
    void parse_splitsAtTheLastColon() {
        ExternalId id = ExternalId.parse("pos:member:88231");

        assertThat(id.system()).isEqualTo("pos:member");
        assertThat(id.value()).isEqualTo("88231");
        assertThat(id.key()).isEqualTo("pos:member:88231");
        assertThat(id).hasToString("pos:member:88231").isEqualTo(ExternalId.of("pos:member", "88231"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nocolon", ":value", "system:", "Upper:1", "sys tem:1", "::1"})
    void parse_rejectsMalformed(String text) {
        assertThatThrownBy(() -> ExternalId.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void value_bounded() {
        assertThat(ExternalId.of("shop", "v".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> ExternalId.of("shop", "v".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExternalId.of("shop", "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExternalId.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
