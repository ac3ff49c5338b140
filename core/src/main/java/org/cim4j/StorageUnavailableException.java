package org.cim4j;

/**
 * The backend cannot be reached (connection lost, pool exhausted, server down). Nothing of the
 * failed unit of work was committed; the next call may succeed on a fresh connection.
 */
public class StorageUnavailableException extends StorageException {
    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message) {
        super(message);
    }

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
