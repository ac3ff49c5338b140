/**
 * Benchmarks for cim4j: JMH benchmarks and a workload runner that measure cim4j against peers
 * (hand-written raw JDBC, Hibernate ORM, bare Caffeine) on the same database in the same run and
 * print ratios. Not a library: nothing here is published.
 */
package org.cim4j.benchmarks;
