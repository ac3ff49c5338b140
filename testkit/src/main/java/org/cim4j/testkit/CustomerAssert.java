package org.cim4j.testkit;

import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.tag.TagId;

/**
 * AssertJ assertions for a {@link Customer}. Failure messages name ids, versions and keys but
 * never personal data (names, e-mails, phones), so CI logs stay clean. Start with
 * {@link CimAssertions#assertThat(Customer)}.
 */
public final class CustomerAssert extends AbstractAssert<CustomerAssert, Customer> {

    CustomerAssert(Customer actual) {
        super(actual, CustomerAssert.class);
    }

    public CustomerAssert hasVersion(long expected) {
        isNotNull();
        if (actual.version() != expected) {
            failWithMessage("Expected customer %s to have version %s but was %s", actual.id(), expected, actual.version());
        }
        return this;
    }

    public CustomerAssert hasStatus(CustomerStatus expected) {
        isNotNull();
        if (actual.status() != expected) {
            failWithMessage("Expected customer %s to have status %s but was %s", actual.id(), expected, actual.status());
        }
        return this;
    }

    public CustomerAssert isActive() {
        return hasStatus(CustomerStatus.ACTIVE);
    }

    public CustomerAssert hasStage(LifecycleStage expected) {
        isNotNull();
        if (actual.stage() != expected) {
            failWithMessage("Expected customer %s to be in stage %s but was %s", actual.id(), expected, actual.stage());
        }
        return this;
    }

    public CustomerAssert hasTag(TagId tag) {
        isNotNull();
        if (!actual.hasTag(tag)) {
            failWithMessage("Expected customer %s to have tag %s but its tags were %s", actual.id(), tag, actual.tags());
        }
        return this;
    }

    public CustomerAssert doesNotHaveTag(TagId tag) {
        isNotNull();
        if (actual.hasTag(tag)) {
            failWithMessage("Expected customer %s not to have tag %s", actual.id(), tag);
        }
        return this;
    }

    /** Compares by value, so a NUMBER {@code 2.0} equals {@code 2}. */
    public CustomerAssert hasAttribute(String name, AttributeValue expected) {
        isNotNull();
        AttributeValue v = actual.attributes().get(name);
        if (v == null || !v.equals(expected)) {
            failWithMessage("Expected customer %s to have attribute '%s' of type %s equal to the expected value, but %s",
                    actual.id(), name, expected.type(), v == null ? "it was absent" : "it differed");
        }
        return this;
    }

    public CustomerAssert hasExternalId(ExternalId expected) {
        isNotNull();
        if (!actual.externalIds().contains(expected)) {
            failWithMessage("Expected customer %s to hold external id of system '%s'", actual.id(), expected.system());
        }
        return this;
    }

    /** Checks the primary contact of {@code type} without printing its value on failure. */
    public CustomerAssert hasPrimaryContact(ContactType type, String value) {
        isNotNull();
        boolean ok = actual.primaryContact(type).map(c -> c.value().equals(value)).orElse(false);
        if (!ok) {
            failWithMessage("Expected customer %s to have the given primary %s contact, but %s", actual.id(), type,
                    actual.primaryContact(type).isPresent() ? "it differed" : "it had none");
        }
        return this;
    }

    public CustomerAssert wasMergedInto(Customer survivor) {
        hasStatus(CustomerStatus.MERGED);
        if (!Objects.equals(actual.mergedInto(), survivor.id())) {
            failWithMessage("Expected customer %s to be merged into %s but was merged into %s", actual.id(), survivor.id(),
                    actual.mergedInto());
        }
        return this;
    }
}
