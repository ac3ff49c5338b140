/**
 * Implementation of cim4j: the engine behind the service interfaces. Not API: anything here may
 * change in any release without notice. Use the interfaces in {@code org.cim4j.*} instead.
 */
@NullMarked
package org.cim4j.internal;

import org.jspecify.annotations.NullMarked;
