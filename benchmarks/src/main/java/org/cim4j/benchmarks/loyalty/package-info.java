/**
 * The {@code loyalty} workload suite: earn-and-redeem throughput of cim4j's loyalty ledger with
 * operations spread over many members versus concentrated on one hot member, on H2, PostgreSQL and
 * MariaDB, with failures counted by type and, on PostgreSQL, lock waits sampled.
 */
package org.cim4j.benchmarks.loyalty;
