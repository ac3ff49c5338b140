package org.cim4j.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a workload run was asked for: which databases, how long to warm up and measure each
 * measurement, a seed for generated data, whether this is a CI smoke run (tiny data, sub-second
 * measurements: proves the code runs, says nothing about speed) and free-form suite parameters
 * such as {@code customers=100000}.
 */
public record RunOptions(Set<BenchDatabase.Target> targets, Duration warmup, Duration measure, long seed,
        boolean smoke, Map<String, String> params) {

    public RunOptions {
        targets = Set.copyOf(targets);
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(measure, "measure");
        params = Map.copyOf(params);
    }

    /** A suite parameter as a long, or {@code normal} (or {@code smoke} in a smoke run) when absent. */
    public long longParam(String name, long normal, long smokeValue) {
        String v = params.get(name);
        if (v != null) {
            return Long.parseLong(v.replace("_", "").replace(",", ""));
        }
        return smoke ? smokeValue : normal;
    }

    public boolean runs(BenchDatabase.Target target) {
        return targets.contains(target);
    }
}
