package org.cim4j.cache;

import java.util.Set;
import org.cim4j.spi.Capability;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.spi.TransactionMode;

/** A provider that forwards everything; tests override what they want to disturb. */
class ForwardingStorage implements StorageProvider {
    protected final StorageProvider delegate;

    ForwardingStorage(StorageProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return "forwarding-" + delegate.name();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public <T> T inTransaction(TransactionMode mode, StorageWork<T> work) {
        return delegate.inTransaction(mode, work);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
