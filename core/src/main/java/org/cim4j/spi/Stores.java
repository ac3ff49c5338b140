package org.cim4j.spi;

/**
 * The stores of one open transaction. Valid only inside the {@link StorageWork} it was passed to;
 * everything done through it commits or rolls back together.
 */
public interface Stores {
    CustomerStore customers();

    InteractionStore interactions();

    PurchaseStore purchases();

    TagStore tags();

    /** Loyalty programs, accounts, ledger, lots, idempotency records and tier history. */
    LoyaltyStore loyalty();
}
