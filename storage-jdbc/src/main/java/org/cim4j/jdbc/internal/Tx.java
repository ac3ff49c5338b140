package org.cim4j.jdbc.internal;

import java.util.function.Supplier;
import org.cim4j.StorageException;
import org.cim4j.jdbc.Dialect;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * One open transaction: the jdbi handle, the database description and a validity flag, so a store
 * kept past its unit of work fails clearly instead of touching a pooled connection.
 */
public final class Tx {
    private static final String SAVEPOINT = "cim4j_sp";

    private final Handle handle;
    private final Db db;
    private final boolean readOnly;
    private volatile boolean open = true;

    public Tx(Handle handle, Db db, boolean readOnly) {
        this.handle = handle;
        this.db = db;
        this.readOnly = readOnly;
    }

    /** The handle for a write, refused in a read-only unit of work on every dialect alike. */
    Handle w() {
        Handle h = h();
        if (readOnly) {
            throw new IllegalStateException("write attempted in a read-only transaction");
        }
        return h;
    }

    /** The handle, after checking the transaction is still running. */
    Handle h() {
        if (!open) {
            throw new StorageException("store used outside of its transaction");
        }
        return handle;
    }

    Db db() {
        return db;
    }

    public void end() {
        open = false;
    }

    /**
     * Runs {@code action} so that a unique violation inside it undoes only the action (through a
     * savepoint) and the transaction stays usable: on PostgreSQL a failed statement otherwise aborts
     * the whole transaction. {@code onUnique} then maps the violation (it may query the database).
     */
    <T> T guarded(Supplier<T> action, java.util.function.Function<JdbiException, RuntimeException> onUnique,
                  boolean alwaysSavepoint) {
        return guarded(SAVEPOINT, action, onUnique, alwaysSavepoint);
    }

    /** As {@link #guarded(Supplier, java.util.function.Function, boolean)} under a savepoint named {@code name}. */
    <T> T guarded(String name, Supplier<T> action,
                  java.util.function.Function<JdbiException, RuntimeException> onUnique, boolean alwaysSavepoint) {
        boolean useSavepoint = alwaysSavepoint || db.dialect() == Dialect.POSTGRESQL;
        Handle h = h();
        if (useSavepoint) {
            h.savepoint(name);
        }
        T result;
        try {
            result = action.get();
        } catch (JdbiException e) {
            if (SqlErrors.classify(e) != SqlErrors.Kind.UNIQUE) {
                throw e;
            }
            if (useSavepoint) {
                h.rollbackToSavepoint(name); // jdbi forgets the savepoint here; the database drops it at commit
            }
            throw onUnique.apply(e);
        } catch (RuntimeException e) {
            if (useSavepoint) {
                try {
                    h.rollbackToSavepoint(name);
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
        if (useSavepoint) {
            h.releaseSavepoint(name);
        }
        return result;
    }
}
