package org.cim4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void email_keepsFirstCharactersAndTld() {
        assertThat(Masking.email("jane.doe@example.com")).isEqualTo("j***@e***.com");
        assertThat(Masking.email("x@mail.example.co.uk")).isEqualTo("x***@m***.uk");
        assertThat(Masking.email("jane.doe@example")).isEqualTo("j***@e***");
    }

    @Test
    void email_withoutAt_isMaskedAsText() {
        assertThat(Masking.email("not-an-email")).isEqualTo("n***");
        assertThat(Masking.email("@example.com")).isEqualTo("@***");
    }

    @Test
    void phone_keepsPrefixAndLastTwoDigits() {
        assertThat(Masking.phone("+8613800138078")).isEqualTo("+86*********78");
        assertThat(Masking.phone("+49 30 901820")).isEqualTo("+49******20");
        assertThat(Masking.phone("12")).isEqualTo("**");
    }

    @Test
    void name_keepsFirstCodePointOnly() {
        assertThat(Masking.name("王小明")).isEqualTo("王**");
        assertThat(Masking.name("Jane Doe")).isEqualTo("J*******");
        assertThat(Masking.name("A")).isEqualTo("A*");
        assertThat(Masking.name("\uD840\uDC0B\u5C0F")).isEqualTo("\uD840\uDC0B*");
        assertThat(Masking.name("")).isEmpty();
    }

    @Test
    void contact_dispatchesByType() {
        assertThat(Masking.contact("email", "a@b.org")).isEqualTo("a***@b***.org");
        assertThat(Masking.contact("phone", "+12025550123")).isEqualTo("+12*******23");
        assertThat(Masking.contact("wechat", "wxid_secret")).isEqualTo("w***");
    }

    @Test
    void nullsStayNull() {
        assertThat(Masking.email(null)).isNull();
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.name(null)).isNull();
        assertThat(Masking.text(null)).isNull();
        assertThat(Masking.hidden(null)).isNull();
        assertThat(Masking.hidden(java.time.LocalDate.of(1990, 1, 1))).isEqualTo("***");
    }
}
