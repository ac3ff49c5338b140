package org.cim4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cim4j.customer.ContactType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizerTest {
    private final Normalizer noRegion = new Normalizer("ZZ");

    @ParameterizedTest
    @CsvSource({
            "'+86 138 0013 8000', +8613800138000",
            "'+49 (0)30 901820', +4930901820",
            "'+49 30 901820', +4930901820",
            "'+1 650-253-0000', +16502530000",
            "'  +1 (202) 555-0123 ', +12025550123"
    })
    void phone_international_toE164(String raw, String e164) {
        assertThat(noRegion.phone(raw)).isEqualTo(e164);
    }

    @ParameterizedTest
    @CsvSource({
            "CN, '138 0013 8000', +8613800138000",
            "DE, '030 901820', +4930901820",
            "US, '(650) 253-0000', +16502530000",
            "DE, '+86 138 0013 8000', +8613800138000"
    })
    void phone_nationalForm_usesDefaultRegion(String region, String raw, String e164) {
        assertThat(new Normalizer(region).phone(raw)).isEqualTo(e164);
    }

    @Test
    void phone_nationalFormWithoutRegion_mustStartWithPlus() {
        assertThatThrownBy(() -> noRegion.phone("030 901820"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "+86 123", "hello", "", "   ", "+1 555 0000 0000 0000"})
    void phone_invalid(String raw) {
        assertThatThrownBy(() -> new Normalizer("CN").phone(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(raw.isBlank() ? "\u0000" : raw);
    }

    @Test
    void email_trimmedAndLowerCased() {
        assertThat(noRegion.email("  Jane.Doe+news@Example.COM ")).isEqualTo("jane.doe+news@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "a@@b.com", "a b@c.com", ".a@b.com", "a..b@c.com", "a@-b.com", "a@b.com."})
    void email_invalid(String raw) {
        assertThatThrownBy(() -> noRegion.email(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handle_trimmedAndBounded() {
        assertThat(noRegion.contact(ContactType.WECHAT, "  wx_id ")).isEqualTo("wx_id");
        assertThat(noRegion.handle("h".repeat(128))).hasSize(128);
        assertThatThrownBy(() -> noRegion.handle("h".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> noRegion.handle("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> noRegion.handle("a\u0007b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void name_trimmedAndComposedButNotSplit() {
        assertThat(Normalizer.name("  Zoe\u0301 ")).isEqualTo("Zo\u00e9");
        assertThat(Normalizer.name("王小明")).isEqualTo("王小明");
        assertThat(Normalizer.name("Jean-Luc  Picard")).isEqualTo("Jean-Luc  Picard");
        assertThat(Normalizer.nameOrNull(null)).isNull();
    }
}
