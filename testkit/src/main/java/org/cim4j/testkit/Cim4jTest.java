package org.cim4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class (or method) whose tests take a fresh {@link org.cim4j.Cim4j} over the
 * in-memory adapter, its {@link org.cim4j.testkit.MutableClock} or a {@link org.cim4j.testkit.SyntheticData}
 * as parameters:
 *
 * <pre>{@code
 * @Cim4jTest
 * class SignupTest {
 *     @Test
 *     void signup_createsLead(Cim4j crm, MutableClock clock) { ... }
 * }
 * }</pre>
 *
 * Each test gets its own empty storage, a clock fixed at {@link org.cim4j.testkit.MutableClock#DEFAULT_START},
 * ids seeded with {@link #seed()}, and everything is closed after the test. Needs
 * {@code cim4j-storage-memory} on the test class path.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(Cim4jExtension.class)
public @interface Cim4jTest {
    /** Seed of the id generator and of the injected {@link org.cim4j.testkit.SyntheticData}. */
    long seed() default 42;

    /** Tenant the injected {@link org.cim4j.Cim4j} acts for (as its system principal). */
    String tenant() default "default";

    /** ISO 3166 region for phone numbers written without a country code, e.g. {@code "CN"}; empty for none. */
    String defaultRegion() default "";
}
