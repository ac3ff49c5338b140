package org.cim4j.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cim4j.jdbc.Dialect;
import org.jdbi.v3.core.argument.Argument;
import org.jspecify.annotations.Nullable;

/**
 * What every store needs to speak to one database: the dialect, the table prefix (schema) and the
 * value codecs. Times are stored as UTC {@code TIMESTAMP(6)} values bound as {@link LocalDateTime}
 * through JDBC 4.2 (no conversion through the JVM's default zone); ids as native UUIDs on H2 and
 * PostgreSQL and as {@code CHAR(36)} ASCII on MariaDB.
 */
public final class Db {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final Dialect dialect;
    private final String prefix;

    public Db(Dialect dialect, @Nullable String schema) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.prefix = schema == null ? "" : checkIdentifier(schema) + ".";
    }

    /** Rejects anything but a plain SQL identifier, so a schema name can never inject SQL. */
    public static String checkIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("schema must match " + IDENTIFIER + ", was '" + name + "'");
        }
        return name;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Replaces each {@code #table} token ({@code #} followed by lower-case letters and underscores)
     * with the (schema-qualified) table name. A plain scan, not a regex: it runs for every statement.
     */
    public String sql(String template) {
        int hash = template.indexOf('#');
        if (hash < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 8 * prefix.length());
        int from = 0;
        while (hash >= 0) {
            int end = hash + 1;
            while (end < template.length() && isTableChar(template.charAt(end))) {
                end++;
            }
            out.append(template, from, hash);
            if (end > hash + 1) {
                out.append(prefix).append(template, hash + 1, end);
            } else {
                out.append('#');
            }
            from = end;
            hash = template.indexOf('#', from);
        }
        return out.append(template, from, template.length()).toString();
    }

    private static boolean isTableChar(char c) {
        return (c >= 'a' && c <= 'z') || c == '_';
    }

    /** {@code ?, ?, ?} for {@code n} parameters. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** A UUID argument in this dialect's column type. */
    public Argument id(@Nullable UUID id) {
        if (dialect == Dialect.MARIADB) {
            return (pos, st, ctx) -> {
                if (id == null) {
                    st.setNull(pos, Types.CHAR);
                } else {
                    st.setString(pos, id.toString());
                }
            };
        }
        return (pos, st, ctx) -> {
            if (id == null) {
                st.setNull(pos, Types.OTHER);
            } else {
                st.setObject(pos, id);
            }
        };
    }

    public static @Nullable UUID uuid(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        if (v == null) {
            return null;
        }
        return v instanceof UUID ? (UUID) v : UUID.fromString(v.toString().trim());
    }

    public static UUID requiredUuid(ResultSet rs, String column) throws SQLException {
        return Objects.requireNonNull(uuid(rs, column), column);
    }

    /** An instant as a UTC {@code TIMESTAMP(6)} argument. */
    public static Argument ts(@Nullable Instant at) {
        return (pos, st, ctx) -> {
            if (at == null) {
                st.setNull(pos, Types.TIMESTAMP);
            } else {
                st.setObject(pos, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            }
        };
    }

    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime v = rs.getObject(column, LocalDateTime.class);
        return v == null ? null : v.toInstant(ZoneOffset.UTC);
    }

    public static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        return Objects.requireNonNull(instant(rs, column), column);
    }

    public static Argument date(@Nullable LocalDate date) {
        return (pos, st, ctx) -> {
            if (date == null) {
                st.setNull(pos, Types.DATE);
            } else {
                st.setObject(pos, date);
            }
        };
    }

    public static @Nullable LocalDate localDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A nullable integer column read as {@link Integer}. */
    public static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
