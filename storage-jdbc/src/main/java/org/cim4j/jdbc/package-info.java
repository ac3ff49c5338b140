/**
 * SQL storage adapter for cim4j over jdbi3: start at {@link org.cim4j.jdbc.JdbcStorage}. Supports H2
 * (embedded default), PostgreSQL and MariaDB; the schema is created and upgraded by Flyway
 * migrations shipped in the jar.
 */
@NullMarked
package org.cim4j.jdbc;

import org.jspecify.annotations.NullMarked;
