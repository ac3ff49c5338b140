package org.cim4j.benchmarks;

import java.util.List;

/**
 * One group of workload measurements (e.g. lookups against peers, scale, loyalty throughput). The
 * {@link Workload} runner lists suites, runs the ones asked for and prints their tables. A suite
 * measures cim4j and its peers in the same run, interleaved, and reports ratios with
 * {@link Verdict}s; it never fails on a timing.
 */
public interface Suite {

    /** Short name used on the command line, e.g. {@code lookup}. */
    String name();

    /** One line saying what the suite measures. */
    String description();

    /** Runs the suite on the databases in {@code options} and returns its result tables. */
    List<ResultTable> run(RunOptions options) throws Exception;
}
