/**
 * Internals of the testkit (record fixtures, name and phone pools, jqwik hooks). Not API: may change
 * in any release.
 */
@NullMarked
package org.cim4j.testkit.internal;

import org.jspecify.annotations.NullMarked;
