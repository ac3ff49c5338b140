/**
 * cim4j, embeddable customer information management. Start with {@link org.cim4j.Cim4j#builder()},
 * give it a storage adapter ({@code InMemoryStorage.create()} or a JDBC one), then use
 * {@link org.cim4j.Cim4j#customers()}, {@code interactions()}, {@code purchases()} and {@code tags()}.
 * Failures are subclasses of {@link org.cim4j.Cim4jException}.
 */
@NullMarked
package org.cim4j;

import org.jspecify.annotations.NullMarked;
