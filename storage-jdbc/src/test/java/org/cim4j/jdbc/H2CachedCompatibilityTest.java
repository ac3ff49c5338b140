package org.cim4j.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage compatibility kit on H2 in-memory behind the caching decorator (see {@link CachedJdbcCompatibilityKit}). */
class H2CachedCompatibilityTest extends CachedJdbcCompatibilityKit {
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.h2();

    @Override
    protected TestDatabase database() {
        return DB.get();
    }
}
