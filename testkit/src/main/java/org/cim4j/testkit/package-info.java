/**
 * Test support for cim4j users and adapter authors: the storage compatibility kit, jqwik
 * arbitraries, a synthetic data generator and a JUnit 5 extension.
 */
@NullMarked
package org.cim4j.testkit;

import org.jspecify.annotations.NullMarked;
