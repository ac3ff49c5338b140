package org.cim4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Excludes one property of {@link StorageCompatibilityProperties} for an adapter, with the reason.
 * Put it on the adapter's subclass; the property is reported as skipped with the reason. An
 * adapter claiming compatibility excludes nothing.
 *
 * <pre>{@code
 * @ExcludedProperty(name = "customerCommands_agreeWithModel", reason = "eventual consistency, see #31")
 * class MongoStorageCompatibilityProperties extends StorageCompatibilityProperties { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ExcludedProperty.List.class)
public @interface ExcludedProperty {
    /** Method name of the property, e.g. {@code "paging_returnsEachCustomerOnceInOrder"}. */
    String name();

    /** Why the adapter cannot pass it (shown in the test report). */
    String reason();

    /** Container of repeated {@link ExcludedProperty} annotations. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface List {
        ExcludedProperty[] value();
    }
}
