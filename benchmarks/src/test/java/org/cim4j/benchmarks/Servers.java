package org.cim4j.benchmarks;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Skips a test whose server is unreachable (one stderr line), or fails it when {@code CI=true}. */
public final class Servers {
    private Servers() {
    }

    public static void require(BenchDatabase.Target target) {
        Optional<String> why = BenchDatabase.unavailableReason(target);
        if (why.isEmpty()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + why.get());
        }
        System.err.println("[cim4j-benchmarks] skipping " + target + " benchmark test: " + why.get());
        Assumptions.abort(why.get());
    }
}
