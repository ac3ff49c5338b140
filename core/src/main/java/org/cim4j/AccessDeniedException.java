package org.cim4j;

/** The calling {@link Principal} may not perform the operation (wrong tenant, missing role). */
public class AccessDeniedException extends Cim4jException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
