/**
 * The workload suites {@code lookup}, {@code create}, {@code cache} and {@code paging}, and the
 * {@link org.cim4j.benchmarks.suites.Fixture} they share (a benchmark database with cim4j on it).
 */
package org.cim4j.benchmarks.suites;
