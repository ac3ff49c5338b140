package org.cim4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheSettingsTest {

    @Test
    void defaults_areOnWithDocumentedValues() {
        CacheSettings s = CacheSettings.defaults();
        assertThat(s.enabled()).isTrue();
        assertThat(s.customerMaximumSize()).isEqualTo(CacheSettings.DEFAULT_CUSTOMER_MAXIMUM_SIZE);
        assertThat(s.customerTtl()).isEqualTo(CacheSettings.DEFAULT_CUSTOMER_TTL);
        assertThat(s.lookupMaximumSize()).isEqualTo(CacheSettings.DEFAULT_LOOKUP_MAXIMUM_SIZE);
        assertThat(s.lookupTtl()).isEqualTo(CacheSettings.DEFAULT_LOOKUP_TTL);
        assertThat(s.tagListMaximumSize()).isEqualTo(CacheSettings.DEFAULT_TAG_LIST_MAXIMUM_SIZE);
        assertThat(s.tagListTtl()).isEqualTo(CacheSettings.DEFAULT_TAG_LIST_TTL);
        assertThat(s.loyaltyAccountMaximumSize()).isEqualTo(CacheSettings.DEFAULT_LOYALTY_ACCOUNT_MAXIMUM_SIZE)
                .isEqualTo(10_000);
        assertThat(s.loyaltyAccountTtl()).isEqualTo(CacheSettings.DEFAULT_LOYALTY_ACCOUNT_TTL).hasMinutes(1);
        assertThat(s.loyaltyProgramMaximumSize()).isEqualTo(CacheSettings.DEFAULT_LOYALTY_PROGRAM_MAXIMUM_SIZE)
                .isEqualTo(1_000);
        assertThat(s.loyaltyProgramTtl()).isEqualTo(CacheSettings.DEFAULT_LOYALTY_PROGRAM_TTL).hasMinutes(10);
        assertThat(s.negativeTtl()).isEqualTo(CacheSettings.DEFAULT_NEGATIVE_TTL);
        assertThat(s.invalidationBus()).isNull();
    }

    @Test
    void loyalty_customValues_andToString() {
        CacheSettings s = CacheSettings.builder()
                .loyaltyAccountMaximumSize(0)
                .loyaltyAccountTtl(Duration.ofSeconds(15))
                .loyaltyProgramMaximumSize(3)
                .loyaltyProgramTtl(Duration.ofHours(2))
                .build();
        assertThat(s.loyaltyAccountMaximumSize()).isZero();
        assertThat(s.loyaltyAccountTtl()).hasSeconds(15);
        assertThat(s.loyaltyProgramMaximumSize()).isEqualTo(3);
        assertThat(s.loyaltyProgramTtl()).hasHours(2);
        assertThat(s.toString()).contains("loyaltyAccounts=0/PT15S", "loyaltyPrograms=3/PT2H");
        CacheSettings copied = s.withInvalidationBus(InProcessInvalidationBus.create());
        assertThat(copied.loyaltyAccountTtl()).hasSeconds(15);
        assertThat(copied.loyaltyProgramMaximumSize()).isEqualTo(3);
    }

    @Test
    void loyalty_invalidValues_nameTheField() {
        assertThatThrownBy(() -> CacheSettings.builder().loyaltyAccountMaximumSize(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loyaltyAccountMaximumSize must not be negative, was -1");
        assertThatThrownBy(() -> CacheSettings.builder().loyaltyProgramMaximumSize(-4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loyaltyProgramMaximumSize must not be negative, was -4");
        assertThatThrownBy(() -> CacheSettings.builder().loyaltyAccountTtl(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loyaltyAccountTtl must be positive, was PT0S");
        assertThatThrownBy(() -> CacheSettings.builder().loyaltyProgramTtl(Duration.ofSeconds(-2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loyaltyProgramTtl must be positive, was PT-2S");
        assertThatThrownBy(() -> CacheSettings.builder().loyaltyAccountTtl(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("loyaltyAccountTtl");
        assertThatThrownBy(() -> CacheSettings.builder().loyaltyAccountMaximumSize(5).loyaltyAccountMaximumSize(6))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("loyaltyAccountMaximumSize was already set to 5");
        assertThatThrownBy(() -> CacheSettings.builder().loyaltyProgramTtl(Duration.ofMinutes(1))
                .loyaltyProgramTtl(Duration.ofMinutes(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("loyaltyProgramTtl was already set to PT1M");
    }

    @Test
    void off_isDisabled() {
        assertThat(CacheSettings.off().enabled()).isFalse();
        assertThat(CacheSettings.off().toString()).isEqualTo("CacheSettings[off]");
    }

    @Test
    void builder_customValues() {
        InProcessInvalidationBus bus = InProcessInvalidationBus.create();
        CacheSettings s = CacheSettings.builder()
                .customerMaximumSize(0)
                .customerTtl(Duration.ofSeconds(30))
                .lookupMaximumSize(5)
                .lookupTtl(Duration.ofSeconds(20))
                .tagListMaximumSize(7)
                .tagListTtl(Duration.ofHours(1))
                .negativeTtl(Duration.ZERO)
                .invalidationBus(bus)
                .build();
        assertThat(s.customerMaximumSize()).isZero();
        assertThat(s.customerTtl()).hasSeconds(30);
        assertThat(s.lookupMaximumSize()).isEqualTo(5);
        assertThat(s.lookupTtl()).hasSeconds(20);
        assertThat(s.tagListMaximumSize()).isEqualTo(7);
        assertThat(s.tagListTtl()).hasHours(1);
        assertThat(s.negativeTtl()).isZero();
        assertThat(s.invalidationBus()).isSameAs(bus);
    }

    @Test
    void withInvalidationBus_copies() {
        InProcessInvalidationBus bus = InProcessInvalidationBus.create();
        CacheSettings s = CacheSettings.defaults().withInvalidationBus(bus);
        assertThat(s.invalidationBus()).isSameAs(bus);
        assertThat(CacheSettings.defaults().invalidationBus()).isNull();
        assertThat(s.customerTtl()).isEqualTo(CacheSettings.DEFAULT_CUSTOMER_TTL);
    }

    @Test
    void maximumSize_negative() {
        assertThatThrownBy(() -> CacheSettings.builder().customerMaximumSize(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customerMaximumSize must not be negative, was -1");
        assertThatThrownBy(() -> CacheSettings.builder().lookupMaximumSize(-2))
                .hasMessage("lookupMaximumSize must not be negative, was -2");
        assertThatThrownBy(() -> CacheSettings.builder().tagListMaximumSize(-3))
                .hasMessage("tagListMaximumSize must not be negative, was -3");
    }

    @Test
    void ttl_notPositive() {
        assertThatThrownBy(() -> CacheSettings.builder().customerTtl(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customerTtl must be positive, was PT0S");
        assertThatThrownBy(() -> CacheSettings.builder().lookupTtl(Duration.ofSeconds(-1)))
                .hasMessage("lookupTtl must be positive, was PT-1S");
        assertThatThrownBy(() -> CacheSettings.builder().tagListTtl(Duration.ZERO))
                .hasMessage("tagListTtl must be positive, was PT0S");
    }

    @Test
    void negativeTtl_outOfRange() {
        assertThatThrownBy(() -> CacheSettings.builder().negativeTtl(Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("negativeTtl must be between 0 and PT1M, was PT2M");
        assertThatThrownBy(() -> CacheSettings.builder().negativeTtl(Duration.ofMillis(-1)))
                .hasMessageContaining("was PT-0.001S");
    }

    @Test
    void setter_calledTwice() {
        assertThatThrownBy(() -> CacheSettings.builder().customerMaximumSize(5).customerMaximumSize(6))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("customerMaximumSize was already set to 5");
        assertThatThrownBy(() -> CacheSettings.builder().enabled(false).enabled(true))
                .hasMessage("enabled was already set to false");
        assertThatThrownBy(() -> CacheSettings.builder().negativeTtl(Duration.ZERO).negativeTtl(Duration.ZERO))
                .hasMessage("negativeTtl was already set to PT0S");
    }

    @Test
    void build_leavesBuilderReusable() {
        CacheSettings.Builder b = CacheSettings.builder().customerMaximumSize(3);
        assertThat(b.build().customerMaximumSize()).isEqualTo(3);
        assertThat(b.build().customerMaximumSize()).isEqualTo(3);
    }
}
