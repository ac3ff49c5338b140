/**
 * Implementation of the JDBC adapter: stores, SQL building, error translation, retries and
 * migrations. Not API; may change in any release.
 */
@NullMarked
package org.cim4j.jdbc.internal;

import org.jspecify.annotations.NullMarked;
