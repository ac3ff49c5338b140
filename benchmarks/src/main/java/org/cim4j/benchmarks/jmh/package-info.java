/**
 * JMH microbenchmarks (run from the shaded {@code benchmarks/target/benchmarks.jar}): get by id of
 * cim4j against raw JDBC and Hibernate, and cached get against uncached and bare Caffeine, on H2 in
 * memory. The workload runner ({@link org.cim4j.benchmarks.Workload}) covers servers and larger data.
 */
package org.cim4j.benchmarks.jmh;
