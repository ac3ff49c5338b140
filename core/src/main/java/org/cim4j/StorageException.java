package org.cim4j;

/**
 * The storage backend failed. Adapters translate their driver's failures into this type (or a
 * subclass) and keep the original as the cause; SQL states may appear in the message, bound
 * values never do.
 */
public class StorageException extends Cim4jException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
