package org.cim4j;

/**
 * Base of every failure cim4j reports. Unchecked, so callers catch only the subclasses they
 * can act on ({@link NotFoundException}, {@link DuplicateException}, {@link VersionConflictException},
 * {@link ValidationException}, {@link AccessDeniedException}, {@link StorageException}).
 * Messages name the operation, the id and the problem, never personal data.
 */
public abstract class Cim4jException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected Cim4jException(String message) {
        super(message);
    }

    protected Cim4jException(String message, Throwable cause) {
        super(message, cause);
    }
}
