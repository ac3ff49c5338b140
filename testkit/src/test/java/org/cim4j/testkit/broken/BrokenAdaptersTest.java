package org.cim4j.testkit.broken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The kit must catch broken adapters: runs the whole kit against each deliberately broken decorator
 * of the in-memory adapter and checks that the contract tests for that bug fail (and that the kit
 * does not fail wholesale, which would prove nothing).
 */
class BrokenAdaptersTest {

    /** Outcome of running one kit class: names of failed, passed and skipped test methods, and failure messages. */
    record Run(Set<String> failed, Set<String> passed, Set<String> skipped, Map<String, String> failureMessages) {
    }

    private static Run run(Class<?> kit) {
        Set<String> failed = new TreeSet<>();
        Set<String> passed = new TreeSet<>();
        Set<String> skipped = new TreeSet<>();
        Map<String, String> messages = new TreeMap<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kit))
                        // expected property failures: report them to this listener only, and don't shrink them
                        .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                        .configurationParameter("jqwik.shrinking.default", "OFF")
                        .configurationParameter("jqwik.database", "target/jqwik-database-broken")
                        .build(),
                new TestExecutionListener() {
                    @Override
                    public void executionSkipped(TestIdentifier id, String reason) {
                        if (id.getSource().isPresent() && id.getSource().get() instanceof MethodSource m) {
                            skipped.add(m.getMethodName());
                        }
                    }

                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (!id.isTest() || id.getSource().isEmpty() || !(id.getSource().get() instanceof MethodSource m)) {
                            return;
                        }
                        String name = m.getMethodName();
                        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                            passed.add(name);
                        } else if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                            skipped.add(name);
                        } else {
                            failed.add(name);
                            result.getThrowable().ifPresent(t -> messages.put(name, String.valueOf(t.getMessage())));
                        }
                    }
                });
        passed.removeAll(failed); // a parameterized method counts as failed if any invocation failed
        return new Run(failed, passed, skipped, messages);
    }

    @Test
    @DisplayName("the model-based properties catch every broken adapter too")
    void properties_catchEveryBrokenAdapter() {
        assertThat(run(VersionIgnoringPropertyKit.class).failed()).contains("optimisticVersions_onlyNextVersionCommits",
                "customerCommands_agreeWithModel");
        assertThat(run(TenantLeakingPropertyKit.class).failed()).contains("tags_roundTripUniqueNamesAndOrderedList");
        assertThat(run(NonRollingBackPropertyKit.class).failed()).contains("failedTransaction_leavesNoTrace");
        assertThat(run(SloppyPagingPropertyKit.class).failed()).contains("paging_returnsEachCustomerOnceInOrder");
    }

    @Test
    @DisplayName("an adapter declaring DURABLE / SHARED_ACROSS_INSTANCES without a second provider fails those tests, saying why")
    void unprovenCapabilities_failWithTheMissingHook() {
        Run run = run(UnprovenCapabilitiesAdapterKit.class);
        assertThat(run.failed()).containsExactlyInAnyOrder("optional_durable_survivesReopen",
                "optional_sharedAcrossInstances");
        assertThat(run.failureMessages().values()).allSatisfy(m -> assertThat(m)
                .contains("UnprovenCapabilitiesAdapterKit does not override openAnotherProvider()"));
        assertThat(run.passed()).contains("insert_findById_roundTripsEveryField", "failedWork_leavesNothing");
    }

    @Test
    @DisplayName("an adapter that ignores versions fails the optimistic-locking contract tests")
    void versionIgnoringAdapter_caught() {
        Run run = run(VersionIgnoringAdapterKit.class);
        assertThat(run.failed()).contains("update_staleVersion", "update_futureVersion", "sameVersionUpdates_oneWins",
                "failedUpdate_rollsBackOtherWrites");
        assertThat(run.passed()).contains("insert_findById_roundTripsEveryField", "paging_everyCustomerOnceInOrder",
                "customerQueries_isolated", "failedWork_leavesNothing");
    }

    @Test
    @DisplayName("tests an adapter excludes with a reason are skipped, not failed")
    void exclusions_skipWithReason() {
        Run run = run(ExcludingAdapterKit.class);
        assertThat(run.failed()).isEmpty();
        assertThat(run.skipped()).filteredOn(name -> !name.startsWith("optional_")) // undeclared capabilities skip too
                .containsExactlyInAnyOrderElementsOf(ExcludingAdapterKit.EXCLUDED.keySet().stream()
                .map(k -> k.substring(k.indexOf('.') + 1)).distinct().toList());
    }

    @Test
    @DisplayName("properties an adapter excludes with @ExcludedProperty are skipped, not failed")
    void propertyExclusions_skipWithReason() {
        Run run = run(ExcludingPropertyKit.class);
        assertThat(run.failed()).isEmpty();
        assertThat(run.skipped()).containsExactlyInAnyOrder("optimisticVersions_onlyNextVersionCommits",
                "customerCommands_agreeWithModel");
        assertThat(run.passed()).hasSize(9);
    }

    @Test
    @DisplayName("an adapter that leaks tenants on reads fails the isolation contract tests")
    void tenantLeakingAdapter_caught() {
        Run run = run(TenantLeakingAdapterKit.class);
        assertThat(run.failed()).contains("customerLookups_isolated", "customerQueries_isolated", "tags_isolated",
                "interactions_isolated", "purchases_isolated");
        assertThat(run.passed()).contains("update_staleVersion", "failedWork_leavesNothing", "paging_everyCustomerOnceInOrder");
    }

    @Test
    @DisplayName("an adapter that does not roll back fails the transaction contract tests")
    void nonRollingBackAdapter_caught() {
        Run run = run(NonRollingBackAdapterKit.class);
        assertThat(run.failed()).contains("failedWork_leavesNothing", "failedUpdate_rollsBackOtherWrites",
                "notFound_rollsBackOtherWrites", "failedWork_versionUntouched", "insertAll_duplicateRollsBack");
        assertThat(run.passed()).contains("update_staleVersion", "customerQueries_isolated", "work_returnValue");
    }

    @Test
    @DisplayName("an adapter whose keysets forget the id tie-breaker fails the paging contract tests")
    void sloppyPagingAdapter_caught() {
        Run run = run(SloppyPagingAdapterKit.class);
        assertThat(run.failed()).contains("paging_everyCustomerOnceInOrder", "paging_stableUnderInserts", "paging_limitOne");
        assertThat(run.passed()).contains("update_staleVersion", "failedWork_leavesNothing", "customerQueries_isolated",
                "paging_emptyResult");
    }
}
