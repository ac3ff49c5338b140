package org.cim4j.memory;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.cim4j.StorageException;
import org.cim4j.spi.Capability;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.spi.TransactionMode;

/**
 * Reference storage adapter that keeps everything in the JVM heap.
 *
 * <p>Transactions are serialisable: read-only units share a read lock, read-write units take the
 * write lock one at a time and record an undo log, so a unit that throws leaves nothing behind
 * and no reader ever sees uncommitted data. Iteration order is deterministic (by id, or by the
 * query's sort). Several {@code Cim4j} instances may share one {@code InMemoryStorage}.
 *
 * <p>Nested transactions on one thread are rejected with {@link IllegalStateException}: the engine
 * never nests them, and allowing a read unit to upgrade to a write unit would deadlock.
 */
public final class InMemoryStorage implements StorageProvider {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final MemoryData data = new MemoryData();
    private volatile boolean closed;

    private InMemoryStorage() {
    }

    /** A new, empty store. */
    public static InMemoryStorage create() {
        return new InMemoryStorage();
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    @Override
    public <T> T inTransaction(TransactionMode mode, StorageWork<T> work) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(work, "work");
        if (closed) {
            throw new IllegalStateException("storage 'memory' is closed");
        }
        if (inTransaction.get()) {
            throw new IllegalStateException("nested transactions are not supported");
        }
        Lock held = mode == TransactionMode.READ_ONLY ? lock.readLock() : lock.writeLock();
        held.lock();
        inTransaction.set(Boolean.TRUE);
        MemoryTransaction tx = new MemoryTransaction(data, mode);
        try {
            T result = work.execute(tx);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            tx.rollback();
            throw e;
        } finally {
            tx.end();
            inTransaction.set(Boolean.FALSE);
            held.unlock();
        }
    }

    /** Drops the data. Further transactions fail. Idempotent. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "InMemoryStorage";
    }

    /** Thrown when a store is used after its transaction ended; a programming error in the caller. */
    static StorageException transactionEnded() {
        return new StorageException("store used outside of its transaction");
    }
}
