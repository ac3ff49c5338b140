package org.cim4j.jdbc.internal;

import org.jdbi.v3.core.JdbiException;

/**
 * Internal signal: a batch hit a unique violation (its savepoint is rolled back) and is replayed row
 * by row, so the exception names the exact clashing record. Never leaves the adapter.
 */
final class BatchReplay extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BatchReplay(JdbiException cause) {
        super(null, cause, false, false);
    }
}
