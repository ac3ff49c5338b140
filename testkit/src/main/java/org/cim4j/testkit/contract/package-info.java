/**
 * The contract classes of the storage compatibility kit, one per aggregate or concern. Each is an
 * abstract JUnit 5 class extending {@link org.cim4j.testkit.contract.AdapterContract}.
 */
package org.cim4j.testkit.contract;
