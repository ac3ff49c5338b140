package org.cim4j.spi;

import java.util.Set;
import org.cim4j.StorageException;
import org.cim4j.TransientStorageException;

/**
 * Entry point of a storage adapter: runs units of work in transactions over per-aggregate stores.
 *
 * <p>Contract every adapter honours (checked by the compatibility kit):
 * <ul>
 *   <li>Thread-safe: many threads call {@link #inTransaction} at once.</li>
 *   <li>Atomic: if the work throws, nothing it wrote is visible afterwards, to anyone.</li>
 *   <li>Isolated enough that optimistic versions work: two transactions that update the same record
 *       from the same version cannot both commit; the loser gets
 *       {@link org.cim4j.VersionConflictException}.</li>
 *   <li>Tenant-scoped: every store method takes a {@link org.cim4j.TenantId} (or a record holding
 *       one) and never reads or writes another tenant's data.</li>
 *   <li>Failures surface only as {@link org.cim4j.Cim4jException} subtypes; the driver's exception
 *       is kept as the cause. {@link TransientStorageException} is retried here, by re-running the
 *       work, with bounded backoff, before it is thrown to the caller.</li>
 *   <li>Instants are stored with at least microsecond precision (the engine truncates to micros).</li>
 * </ul>
 */
public interface StorageProvider extends AutoCloseable {

    /** Short name for logs and reports, e.g. {@code "memory"} or {@code "jdbc-postgresql"}. */
    String name();

    /** Optional abilities of this adapter. */
    Set<Capability> capabilities();

    /**
     * Runs {@code work} in one transaction and commits if it returns normally.
     *
     * @throws StorageException or another {@link org.cim4j.Cim4jException} the work threw; the
     *                          transaction is rolled back
     */
    <T> T inTransaction(TransactionMode mode, StorageWork<T> work);

    /** {@link #inTransaction} in {@link TransactionMode#READ_ONLY}. */
    default <T> T read(StorageWork<T> work) {
        return inTransaction(TransactionMode.READ_ONLY, work);
    }

    /** {@link #inTransaction} in {@link TransactionMode#READ_WRITE}. */
    default <T> T write(StorageWork<T> work) {
        return inTransaction(TransactionMode.READ_WRITE, work);
    }

    /** Releases resources the adapter owns (not a DataSource the host handed in). Idempotent. */
    @Override
    void close();
}
