package org.cim4j.spi;

/**
 * A unit of work run inside one storage transaction. It may be run more than once when the adapter
 * retries a transient failure, so it must have no effects other than through {@code stores}.
 *
 * @param <T> result type
 */
@FunctionalInterface
public interface StorageWork<T> {
    T execute(Stores stores);
}
