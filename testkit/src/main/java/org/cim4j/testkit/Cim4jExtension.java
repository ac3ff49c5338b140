package org.cim4j.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import org.cim4j.Cim4j;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.spi.StorageProvider;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link Cim4jTest}: resolves {@link Cim4j}, {@link MutableClock},
 * {@link StorageProvider} and {@link SyntheticData} parameters of test methods. Every test gets
 * fresh ones (one of each per test, shared between its parameters) and they are closed after it.
 *
 * <p>The storage is {@code org.cim4j.memory.InMemoryStorage}, loaded reflectively so the testkit
 * does not force the in-memory adapter on adapter authors; hosts add {@code cim4j-storage-memory}
 * as a test dependency.
 */
public final class Cim4jExtension implements ParameterResolver, AfterEachCallback {
    static final String IN_MEMORY_STORAGE = "org.cim4j.memory.InMemoryStorage";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Cim4jExtension.class);
    private static final String STATE = "state";

    /** What one test holds; created on first parameter, closed after the test. */
    private static final class State {
        final MutableClock clock = MutableClock.startingAtDefault();
        final long seed;
        final TenantId tenant;
        final String region;
        StorageProvider storage;
        Cim4j crm;
        SyntheticData data;

        State(long seed, TenantId tenant, String region) {
            this.seed = seed;
            this.tenant = tenant;
            this.region = region;
        }

        StorageProvider storage() {
            if (storage == null) {
                storage = newInMemoryStorage();
            }
            return storage;
        }

        Cim4j crm() {
            if (crm == null) {
                Cim4j.Builder b = Cim4j.builder().sharedStorage(storage()).clock(clock)
                        .idGenerator(IdGenerator.seeded(clock, seed)).tenant(tenant);
                if (!region.isEmpty()) {
                    b.defaultRegion(region);
                }
                crm = b.build();
            }
            return crm;
        }

        SyntheticData data() {
            if (data == null) {
                data = new SyntheticData(seed);
            }
            return data;
        }

        void close() {
            if (crm != null) {
                crm.close();
            }
            if (storage != null) {
                storage.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Cim4j.class || type == MutableClock.class || type == StorageProvider.class
                || type == SyntheticData.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        State state = context.getStore(NAMESPACE).getOrComputeIfAbsent(STATE, k -> newState(context), State.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == Cim4j.class) {
            return state.crm();
        } else if (type == MutableClock.class) {
            return state.clock;
        } else if (type == StorageProvider.class) {
            return state.storage();
        }
        return state.data();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        State state = context.getStore(NAMESPACE).remove(STATE, State.class);
        if (state != null) {
            state.close();
        }
    }

    private static State newState(ExtensionContext context) {
        Optional<Cim4jTest> config = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, Cim4jTest.class))
                .or(() -> context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, Cim4jTest.class)));
        long seed = config.map(Cim4jTest::seed).orElse(42L);
        TenantId tenant = TenantId.of(config.map(Cim4jTest::tenant).orElse("default"));
        return new State(seed, tenant, config.map(Cim4jTest::defaultRegion).orElse(""));
    }

    private static StorageProvider newInMemoryStorage() {
        try {
            Method create = Class.forName(IN_MEMORY_STORAGE).getMethod("create");
            return (StorageProvider) create.invoke(null);
        } catch (ClassNotFoundException e) {
            throw new ParameterResolutionException(
                    "@Cim4jTest needs org.cim4j:cim4j-storage-memory on the test class path", e);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new ParameterResolutionException("cannot create " + IN_MEMORY_STORAGE + " via create()", e);
        }
    }
}
