package org.cim4j.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage compatibility kit on PostgreSQL behind the caching decorator (see {@link CachedJdbcCompatibilityKit}). */
class PostgresCachedCompatibilityTest extends CachedJdbcCompatibilityKit {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.postgres();

    @Override
    protected TestDatabase database() {
        return DB.get();
    }
}
