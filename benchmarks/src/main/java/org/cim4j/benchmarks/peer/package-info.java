/**
 * Peers cim4j is measured against on its own tables: a hand-written raw JDBC DAO
 * ({@link org.cim4j.benchmarks.peer.RawJdbcCustomerDao}) and, in {@code .hibernate}, Hibernate ORM 7.
 */
package org.cim4j.benchmarks.peer;
