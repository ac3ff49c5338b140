/**
 * The {@code scale} workload suite: a constant-memory synthetic data loader (customers with
 * contacts and external ids, interactions, purchases with lines) and lookups measured as the same
 * database grows from 10 thousand to a million customers.
 */
package org.cim4j.benchmarks.scale;
