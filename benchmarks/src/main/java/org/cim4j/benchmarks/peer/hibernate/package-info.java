/**
 * The Hibernate ORM 7 peer: JPA entities mapped onto cim4j's customer tables and a DAO bootstrapped
 * in code without {@code persistence.xml}.
 */
package org.cim4j.benchmarks.peer.hibernate;
