package org.cim4j.jdbc;

import java.util.Locale;

/**
 * The SQL databases {@link JdbcStorage} supports. Detected from the connection's metadata unless set
 * with {@link JdbcStorage.Builder#dialect(Dialect)}; each has its own Flyway migrations because
 * column types and collations differ.
 */
public enum Dialect {
    /** H2 2.x, the embedded default (file or in-memory). */
    H2("h2"),
    /** PostgreSQL 13 or newer (tested on 15). */
    POSTGRESQL("postgresql"),
    /** MariaDB 10.6 or newer (tested on 10.11); MySQL 8 is likely to work but is not tested. */
    MARIADB("mariadb");

    private final String code;

    Dialect(String code) {
        this.code = code;
    }

    /** Lower-case name used in the provider name ({@code jdbc-<code>}) and the migration folder. */
    public String code() {
        return code;
    }

    /**
     * The dialect of a database product name as JDBC metadata reports it.
     *
     * @throws IllegalArgumentException for an unsupported database
     */
    public static Dialect fromProductName(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.contains("h2")) {
            return H2;
        } else if (p.contains("postgres")) {
            return POSTGRESQL;
        } else if (p.contains("mariadb") || p.contains("mysql")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("unsupported database '" + productName
                + "'; cim4j-storage-jdbc supports H2, PostgreSQL and MariaDB");
    }
}
