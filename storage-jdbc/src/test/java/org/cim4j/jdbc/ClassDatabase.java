package org.cim4j.jdbc;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own {@link TestDatabase}, opened before its first test and dropped after its last:
 * {@code @RegisterExtension static final ClassDatabase DB = ClassDatabase.postgres();}. Opening a
 * server database that is unreachable skips the class (or fails it under {@code CI=true}), as
 * {@link TestDatabase} decides.
 */
final class ClassDatabase implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<TestDatabase> opener;
    private TestDatabase db;

    private ClassDatabase(Supplier<TestDatabase> opener) {
        this.opener = opener;
    }

    static ClassDatabase h2() {
        return new ClassDatabase(TestDatabase::h2);
    }

    static ClassDatabase h2File() {
        return new ClassDatabase(TestDatabase::h2File);
    }

    static ClassDatabase postgres() {
        return new ClassDatabase(TestDatabase::postgres);
    }

    static ClassDatabase mariaDb() {
        return new ClassDatabase(TestDatabase::mariaDb);
    }

    /** The open database; only valid between the class's first and last test. */
    TestDatabase get() {
        if (db == null) {
            throw new IllegalStateException("the class database is open only while its test class runs");
        }
        return db;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getTestClass().map(c -> c.isAnnotationPresent(org.junit.jupiter.api.Nested.class)).orElse(false)) {
            return; // nested kit classes run inside the outer class's database
        }
        db = opener.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getTestClass().map(c -> c.isAnnotationPresent(org.junit.jupiter.api.Nested.class)).orElse(false)) {
            return;
        }
        if (db != null) {
            db.close();
            db = null;
        }
    }
}
