package org.cim4j.jdbc.internal;

import org.cim4j.DuplicateException;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DuplicateException} raised from a database unique violation: the message also carries the
 * SQLState and vendor error code (never the clashing values), which helps operators tell a cim4j
 * key clash from a host constraint.
 */
public final class SqlDuplicateException extends DuplicateException {
    private static final long serialVersionUID = 1L;
    private final String codes;

    public SqlDuplicateException(String entity, String key, @Nullable String existingId, String codes,
                                 Throwable cause) {
        super(entity, key, existingId, cause);
        this.codes = codes;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " " + codes;
    }
}
