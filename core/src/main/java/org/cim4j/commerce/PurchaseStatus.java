package org.cim4j.commerce;

/** Refund state of a purchase. */
public enum PurchaseStatus {
    COMPLETED, PARTIALLY_REFUNDED, REFUNDED
}
