package org.cim4j.testkit;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.cim4j.TransientStorageException;
import org.cim4j.spi.Capability;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.spi.TransactionMode;

/**
 * Decorates a provider so that chosen write units run once, roll back with a transient failure,
 * and then run again, the way a JDBC adapter retries a serialization failure. Tests use it to prove
 * that services' write work is safe to re-run (no doubled effects, no events from the failed run).
 */
public final class RerunningProvider implements StorageProvider {
    private final StorageProvider delegate;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger reruns = new AtomicInteger();

    public RerunningProvider(StorageProvider delegate) {
        this.delegate = delegate;
    }

    /** The next {@code n} read-write units each run twice: once rolled back, once for real. */
    public void rerunNextWrites(int n) {
        pending.set(n);
    }

    /** How many units were rolled back and re-run so far. */
    public int reruns() {
        return reruns.get();
    }

    @Override
    public String name() {
        return "rerunning-" + delegate.name();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public <T> T inTransaction(TransactionMode mode, StorageWork<T> work) {
        if (mode == TransactionMode.READ_WRITE && pending.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
            try {
                delegate.inTransaction(mode, stores -> {
                    work.execute(stores);
                    throw new TransientStorageException("simulated serialization failure");
                });
            } catch (TransientStorageException expected) {
                reruns.incrementAndGet();
            }
        }
        return delegate.inTransaction(mode, work);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
