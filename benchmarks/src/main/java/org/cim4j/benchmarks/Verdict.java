package org.cim4j.benchmarks;

import java.util.Locale;

/**
 * A measured ratio against a stated target, e.g. "cim4j / raw JDBC ≥ 0.4". A verdict only reports;
 * nothing fails on it (timings on shared machines are noisy), but every benchmark table states
 * which targets a run met.
 *
 * @param measured the ratio measured in this run
 * @param target   the threshold from the benchmark's goal
 * @param atLeast  true when the ratio should be at least the target, false when at most
 */
public record Verdict(double measured, double target, boolean atLeast) {

    public static Verdict atLeast(double measured, double target) {
        return new Verdict(measured, target, true);
    }

    public static Verdict atMost(double measured, double target) {
        return new Verdict(measured, target, false);
    }

    public boolean met() {
        return !Double.isNaN(measured) && (atLeast ? measured >= target : measured <= target);
    }

    /** E.g. {@code "met (≥ 0.40)"} or {@code "NOT met (≤ 2.00)"}. */
    @Override
    public String toString() {
        return (met() ? "met" : "NOT met") + String.format(Locale.ROOT, " (%s %.2f)", atLeast ? "≥" : "≤", target);
    }
}
