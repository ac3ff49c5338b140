package org.cim4j.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage compatibility kit on MariaDB behind the caching decorator (see {@link CachedJdbcCompatibilityKit}). */
class MariaDbCachedCompatibilityTest extends CachedJdbcCompatibilityKit {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.mariaDb();

    @Override
    protected TestDatabase database() {
        return DB.get();
    }
}
