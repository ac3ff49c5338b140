/**
 * The storage SPI: what a storage adapter implements so cim4j can run on its store. Start at
 * {@link org.cim4j.spi.StorageProvider}. Adapters speak only domain records and the small query
 * objects here; they prove conformance with {@code cim4j-testkit}'s compatibility kit. This package
 * may evolve faster than the user API; new operations arrive as default methods where possible.
 */
@NullMarked
package org.cim4j.spi;

import org.jspecify.annotations.NullMarked;
