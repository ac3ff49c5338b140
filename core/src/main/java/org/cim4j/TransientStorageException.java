package org.cim4j;

/**
 * A failure that succeeds when retried: serialization failure, deadlock victim, lock timeout.
 * Transaction runners retry these with bounded backoff before giving up and rethrowing.
 */
public class TransientStorageException extends StorageException {
    private static final long serialVersionUID = 1L;

    public TransientStorageException(String message) {
        super(message);
    }

    public TransientStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
