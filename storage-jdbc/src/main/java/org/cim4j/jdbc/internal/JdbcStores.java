package org.cim4j.jdbc.internal;

import org.cim4j.spi.CustomerStore;
import org.cim4j.spi.InteractionStore;
import org.cim4j.spi.LoyaltyStore;
import org.cim4j.spi.PurchaseStore;
import org.cim4j.spi.Stores;
import org.cim4j.spi.TagStore;

/** The stores of one JDBC transaction; all share its handle and stop working when it ends. */
public final class JdbcStores implements Stores {
    private final CustomerStore customers;
    private final InteractionStore interactions;
    private final PurchaseStore purchases;
    private final TagStore tags;
    private final LoyaltyStore loyalty;

    public JdbcStores(Tx tx) {
        this.customers = new JdbcCustomerStore(tx);
        this.interactions = new JdbcInteractionStore(tx);
        this.purchases = new JdbcPurchaseStore(tx);
        this.tags = new JdbcTagStore(tx);
        this.loyalty = new JdbcLoyaltyStore(tx);
    }

    @Override
    public CustomerStore customers() {
        return customers;
    }

    @Override
    public InteractionStore interactions() {
        return interactions;
    }

    @Override
    public PurchaseStore purchases() {
        return purchases;
    }

    @Override
    public TagStore tags() {
        return tags;
    }

    @Override
    public LoyaltyStore loyalty() {
        return loyalty;
    }
}
