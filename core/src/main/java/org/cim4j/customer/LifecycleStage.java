package org.cim4j.customer;

/** Where a customer stands in the relationship, from first contact to churn. */
public enum LifecycleStage {
    /** Known contact, no qualified interest yet. */
    LEAD,
    /** Qualified interest, no purchase yet. */
    PROSPECT,
    /** First purchase made recently. */
    NEW,
    /** Buys regularly. */
    ACTIVE,
    /** Activity dropping; worth a retention action. */
    AT_RISK,
    /** No longer buying. */
    CHURNED
}
