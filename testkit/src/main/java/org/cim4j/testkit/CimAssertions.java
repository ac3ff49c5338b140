package org.cim4j.testkit;

import org.cim4j.customer.Customer;

/**
 * Entry point of cim4j's AssertJ assertions: {@code CimAssertions.assertThat(customer).hasVersion(2).hasTag(vip)}.
 * Use it next to AssertJ's own {@code Assertions}; it only adds overloads for cim4j types.
 */
public final class CimAssertions {
    private CimAssertions() {
    }

    public static CustomerAssert assertThat(Customer actual) {
        return new CustomerAssert(actual);
    }
}
