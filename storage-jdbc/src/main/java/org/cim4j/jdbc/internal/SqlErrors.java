package org.cim4j.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;
import org.cim4j.Cim4jException;
import org.cim4j.StorageException;
import org.cim4j.StorageUnavailableException;
import org.cim4j.TransientStorageException;
import org.jspecify.annotations.Nullable;

/**
 * Classifies driver failures and translates them into cim4j exceptions. Messages name the
 * operation, the SQLState and the vendor error code, never the driver's message text (which can
 * quote bound values, e.g. PostgreSQL's "Key (...)=(...) already exists"); the driver exception is
 * kept as the cause.
 */
public final class SqlErrors {
    /** Failure classes that decide what happens next. */
    public enum Kind {
        /** Unique or primary key violation. */
        UNIQUE,
        /** Serialization failure, deadlock or lock timeout: re-run the transaction. */
        RETRYABLE,
        /** Connection lost, refused or not obtainable in time. */
        UNAVAILABLE,
        /** Anything else. */
        OTHER
    }

    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "55P03");
    private static final Set<Integer> MARIADB_RETRYABLE = Set.of(1213, 1205);
    private static final Set<Integer> H2_RETRYABLE = Set.of(40001, 50200, 90131);
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "70100");
    private static final Set<Integer> H2_UNAVAILABLE = Set.of(90067, 90098, 90121);
    private static final Set<Integer> MARIADB_UNAVAILABLE = Set.of(1927, 1053, 2006, 2013);

    private SqlErrors() {
    }

    /** The first {@link SQLException} in the cause chain, if any. */
    public static @Nullable SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException) {
                return (SQLException) c;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    public static Kind classify(Throwable t) {
        SQLException e = sqlCause(t);
        if (e == null) {
            return t.getClass().getName().contains("UnableToObtainConnection") ? Kind.UNAVAILABLE : Kind.OTHER;
        }
        // Look through chained SQLExceptions too (batch failures chain the real cause).
        Kind best = Kind.OTHER;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException) {
                Kind k = classifyOne((SQLException) c);
                if (k != Kind.OTHER) {
                    return k;
                }
                SQLException next = ((SQLException) c).getNextException();
                if (next != null && next != c) {
                    Kind nk = classifyOne(next);
                    if (nk != Kind.OTHER) {
                        return nk;
                    }
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return best;
    }

    private static Kind classifyOne(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        if ("23505".equals(state) || code == 1062 || code == 1586) {
            return Kind.UNIQUE;
        }
        if (RETRYABLE_STATES.contains(state) || MARIADB_RETRYABLE.contains(code) || H2_RETRYABLE.contains(code)) {
            return Kind.RETRYABLE;
        }
        if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state) || H2_UNAVAILABLE.contains(code)
                || MARIADB_UNAVAILABLE.contains(code)
                || e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException || isPoolTimeout(e) || isClosed(e)) {
            return Kind.UNAVAILABLE;
        }
        return Kind.OTHER;
    }

    private static boolean isPoolTimeout(SQLException e) {
        String m = e.getMessage();
        return m != null && (m.contains("request timed out after") || m.contains("Connection is not available"));
    }

    private static boolean isClosed(SQLException e) {
        String m = e.getMessage();
        if (m == null) {
            return false;
        }
        String lower = m.toLowerCase(Locale.ROOT);
        return lower.contains("has been closed") || lower.contains("connection is closed")
                || lower.contains("connection closed") || lower.contains("terminating connection");
    }

    /** {@code [SQLState x, error n]} for messages. */
    public static String codes(Throwable t) {
        SQLException e = sqlCause(t);
        if (e == null) {
            return "[" + t.getClass().getSimpleName() + "]";
        }
        return "[SQLState " + e.getSQLState() + ", error " + e.getErrorCode() + "]";
    }

    /**
     * Translates a failure into a cim4j exception (returned, for the caller to throw); cim4j
     * exceptions pass through unchanged.
     *
     * @param provider      provider name for the message
     * @param operation     what was being done, e.g. {@code "insert customer 0190..."}
     * @param poolTimeoutMs the owned pool's connection timeout, or -1 when unknown
     */
    public static RuntimeException translate(String provider, String operation, Throwable t, long poolTimeoutMs) {
        if (t instanceof Cim4jException) {
            return (Cim4jException) t;
        }
        SQLException e = sqlCause(t);
        switch (classify(t)) {
            case UNIQUE:
                return new SqlDuplicateException("record", "unique key", null, codes(t), t);
            case RETRYABLE:
                return new TransientStorageException(provider + ": " + operation
                        + " failed: serialization failure, deadlock or lock timeout " + codes(t), t);
            case UNAVAILABLE:
                if (e != null && isPoolTimeout(e)) {
                    String within = poolTimeoutMs >= 0 ? " after " + poolTimeoutMs + " ms" : "";
                    return new StorageUnavailableException(provider + ": " + operation
                            + " failed: connection pool exhausted" + within
                            + " (no connection became free; raise the pool size or shorten transactions) "
                            + codes(t), t);
                }
                if (e == null) {
                    return new StorageUnavailableException(provider + ": " + operation
                            + " failed: could not obtain a database connection " + codes(t), t);
                }
                return new StorageUnavailableException(provider + ": " + operation
                        + " failed: database connection lost or refused (server down, restarted, or the session"
                        + " was terminated) " + codes(t), t);
            case OTHER:
            default:
                return new StorageException(provider + ": " + operation + " failed " + codes(t), t);
        }
    }
}
