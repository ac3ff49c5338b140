package org.cim4j.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.cim4j.Cim4j;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.customer.Customer;
import org.cim4j.spi.Capability;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.spi.Stores;
import org.cim4j.testkit.MutableClock;
import org.cim4j.testkit.internal.Fixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of every contract class of the compatibility kit. Before each test it asks the subclass
 * for a fresh, empty {@link StorageProvider} and sets up a {@link MutableClock} at
 * {@link MutableClock#DEFAULT_START} and seeded ids; after each test it closes what it opened.
 *
 * <p>Contract classes are abstract and hold the {@code @Test} methods; the kit's
 * {@code StorageCompatibilityKit} nests one subclass of each, and an adapter author extends the
 * kit and implements {@link #createProvider()} once.
 */
public abstract class AdapterContract {
    /** Tenant most tests write to. */
    protected static final TenantId TENANT = TenantId.of("tck-a");
    /** A second tenant, for isolation checks. */
    protected static final TenantId OTHER_TENANT = TenantId.of("tck-b");

    private StorageProvider provider;
    private MutableClock clock;
    private Fixtures fixtures;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /**
     * A new provider over empty storage. Called before every test; the kit closes it afterwards.
     * Adapters over a shared database must hand out a provider whose data starts empty (e.g. a
     * fresh schema, or tables truncated here).
     */
    protected StorageProvider createProvider() {
        Adapter a = adapter();
        if (a == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " must override createProvider() or adapter()");
        }
        return a.createProvider();
    }

    /**
     * The adapter under test, as one object, or {@code null}. The kit's nested classes return the
     * kit here, so each needs one override; a standalone subclass overrides {@link #createProvider()}
     * (and, if needed, the other two hooks) instead.
     */
    protected @Nullable Adapter adapter() {
        return null;
    }

    /**
     * Another provider over the same data as the one of the current test, for the optional
     * {@link Capability#DURABLE} (reopen after close) and {@link Capability#SHARED_ACROSS_INSTANCES}
     * (two instances at once) contracts. Adapters declaring either capability must override it.
     */
    protected StorageProvider openAnotherProvider() {
        Adapter a = adapter();
        if (a == null) {
            throw noSecondProvider(getClass().getSimpleName());
        }
        return a.openAnotherProvider();
    }

    /**
     * What the {@code openAnotherProvider()} hooks raise when the test class does not supply a second
     * provider: the adapter declares {@link Capability#DURABLE} or
     * {@link Capability#SHARED_ACROSS_INSTANCES} (so their contract tests run) but gives the kit no way
     * to prove it. Reported as a failed test, since an unproven capability is a compatibility failure;
     * an adapter without those capabilities never gets here (the tests are skipped).
     *
     * @param testClass the class that must override {@code openAnotherProvider()}
     */
    public static AssertionError noSecondProvider(String testClass) {
        return new AssertionError("the adapter declares DURABLE or SHARED_ACROSS_INSTANCES, but " + testClass
                + " does not override openAnotherProvider(), so the kit cannot open a second provider over the"
                + " same data to check it: override it, or stop declaring those capabilities");
    }

    /**
     * Tests this adapter is known to fail, each with the reason: keys are
     * {@code ContractClassSimpleName.methodName} (e.g. {@code "ConcurrencyContract.racingInserts_sameExternalId_oneWins"}),
     * values say why. Excluded tests are reported as skipped with the reason, never silently dropped.
     * An adapter claiming compatibility excludes nothing.
     */
    protected Map<String, String> exclusions() {
        Adapter a = adapter();
        return a == null ? Map.of() : a.exclusions();
    }

    /**
     * An adapter under test: how to open providers over it and which tests it is known to fail.
     * {@code StorageCompatibilityKit} implements this for its nested contract classes.
     */
    public interface Adapter {
        /** See {@link AdapterContract#createProvider()}. */
        StorageProvider createProvider();

        /** See {@link AdapterContract#openAnotherProvider()}. */
        default StorageProvider openAnotherProvider() {
            throw noSecondProvider(getClass().getName());
        }

        /** See {@link AdapterContract#exclusions()}. */
        default Map<String, String> exclusions() {
            return Map.of();
        }
    }

    @BeforeEach
    void openProvider(TestInfo test) {
        test.getTestMethod().ifPresent(m -> {
            String key = m.getDeclaringClass().getSimpleName() + "." + m.getName();
            String reason = exclusions().get(key);
            Assumptions.assumeTrue(reason == null, () -> "excluded by the adapter: " + reason);
        });
        clock = MutableClock.startingAtDefault();
        fixtures = new Fixtures(clock, 7);
        provider = createProvider();
    }

    @AfterEach
    void closeAll() throws Exception {
        if (provider == null) {
            return;
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        toClose.clear();
        provider.close();
    }

    /** The provider under test for the current test. */
    protected final StorageProvider provider() {
        return provider;
    }

    /** The test's clock; advance it to move time. */
    protected final MutableClock clock() {
        return clock;
    }

    /** A {@link Cim4j} over the provider under test, acting for the system principal of {@code tenant}. */
    protected final Cim4j crm(TenantId tenant) {
        Cim4j crm = Cim4j.builder()
                .sharedStorage(provider)
                .clock(clock)
                .idGenerator(IdGenerator.seeded(clock, 42 + toClose.size()))
                .tenant(tenant)
                .build();
        toClose.add(crm);
        return crm;
    }

    /** A {@link Cim4j} for {@link #TENANT}. */
    protected final Cim4j crm() {
        return crm(TENANT);
    }

    /** Record factory for this test: seeded ids, times from {@link #clock()}. */
    protected final Fixtures fixtures() {
        return fixtures;
    }

    /** Runs {@code work} in one read-write transaction. */
    protected final void inWrite(Consumer<Stores> work) {
        provider.write(stores -> {
            work.accept(stores);
            return null;
        });
    }

    /** Runs a read-only work returning an optional (typed, so AssertJ picks the right assertion). */
    protected final <T> Optional<T> readOptional(StorageWork<Optional<T>> work) {
        return provider.read(work);
    }

    /** Runs a read-only work returning a list. */
    protected final <T> List<T> readList(StorageWork<List<T>> work) {
        return provider.read(work);
    }

    /** Runs a read-only work returning a count. */
    protected final long readCount(StorageWork<Long> work) {
        return provider.read(work);
    }

    /** Inserts customers, each in its own transaction, and returns the first. */
    protected final Customer insert(Customer first, Customer... more) {
        inWrite(s -> s.customers().insert(first));
        for (Customer c : more) {
            inWrite(s -> s.customers().insert(c));
        }
        return first;
    }

    /** Registers something to close after the test (in reverse order). */
    protected final <T extends AutoCloseable> T closeAfterTest(T resource) {
        toClose.add(resource);
        return resource;
    }

    /** Skips the current test unless the adapter declares all {@code required} capabilities. */
    protected final void assumeCapabilities(Capability... required) {
        Set<Capability> has = provider.capabilities();
        for (Capability c : required) {
            Assumptions.assumeTrue(has.contains(c), () -> "adapter lacks capability " + c);
        }
    }
}
