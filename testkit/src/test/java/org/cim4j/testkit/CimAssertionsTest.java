package org.cim4j.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.testkit.CimAssertions.assertThat;

import java.math.BigDecimal;
import org.cim4j.TenantId;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.tag.TagId;
import org.cim4j.testkit.internal.Fixtures;
import org.junit.jupiter.api.Test;

class CimAssertionsTest {
    private final Fixtures fixtures = new Fixtures(MutableClock.startingAtDefault(), 1);
    private final TagId vip = fixtures.tagId();
    private final Customer customer = Fixtures.withContacts(fixtures.customer(TenantId.DEFAULT, "王小明"),
                    ContactPoint.email("xm@example.com"))
            .withTag(vip).withAttribute("size", AttributeValue.of(new BigDecimal("2.0")))
            .withExternalIds(java.util.Set.of(ExternalId.of("pos:member", "1")));

    @Test
    void assertions_passOnMatchingCustomer() {
        assertThat(customer).hasVersion(1).isActive().hasStage(LifecycleStage.LEAD).hasTag(vip)
                .doesNotHaveTag(fixtures.tagId()).hasAttribute("size", AttributeValue.of(2))
                .hasExternalId(ExternalId.of("pos:member", "1")).hasPrimaryContact(ContactType.EMAIL, "xm@example.com");
    }

    @Test
    void hasVersion_mismatch() {
        assertThatThrownBy(() -> assertThat(customer).hasVersion(2)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("version 2 but was 1").hasMessageContaining(customer.id().toString());
    }

    @Test
    void hasTag_missing() {
        TagId other = fixtures.tagId();
        assertThatThrownBy(() -> assertThat(customer).hasTag(other)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(other.toString());
    }

    @Test
    void failureMessages_neverShowPersonalData() {
        assertThatThrownBy(() -> assertThat(customer).hasPrimaryContact(ContactType.EMAIL, "other@example.com"))
                .isInstanceOf(AssertionError.class).message().doesNotContain("xm@example.com").doesNotContain("other@example.com")
                .doesNotContain("王小明");
        assertThatThrownBy(() -> assertThat(customer).hasStatus(CustomerStatus.DELETED)).isInstanceOf(AssertionError.class)
                .message().doesNotContain("王小明");
    }
}
