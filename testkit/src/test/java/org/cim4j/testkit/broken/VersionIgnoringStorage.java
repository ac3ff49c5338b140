package org.cim4j.testkit.broken;

import org.cim4j.commerce.Purchase;
import org.cim4j.customer.Customer;
import org.cim4j.spi.CustomerStore;
import org.cim4j.spi.PurchaseStore;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.Stores;

/** Broken on purpose: updates overwrite whatever is stored, ignoring the optimistic version ("last write wins"). */
final class VersionIgnoringStorage extends ForwardingStorage {
    VersionIgnoringStorage(StorageProvider delegate) {
        super(delegate);
    }

    @Override
    protected Stores wrap(Stores stores) {
        return new ForwardingStores(stores) {
            @Override
            public CustomerStore customers() {
                CustomerStore d = stores.customers();
                return new ForwardingCustomerStore(d) {
                    @Override
                    public void update(Customer c) {
                        long stored = d.findById(c.tenant(), c.id()).map(Customer::version).orElse(c.version() - 1);
                        d.update(c.withBookkeeping(stored + 1, c.status(), c.mergedInto(), c.updatedAt()));
                    }
                };
            }

            @Override
            public PurchaseStore purchases() {
                PurchaseStore d = stores.purchases();
                return new ForwardingPurchaseStore(d) {
                    @Override
                    public void update(Purchase p) {
                        long stored = d.findById(p.tenant(), p.id()).map(Purchase::version).orElse(p.version() - 1);
                        d.update(new Purchase(p.id(), p.tenant(), p.customerId(), p.orderId(), p.channel(), p.storeId(),
                                p.occurredAt(), p.lines(), p.total(), p.refunded(), p.status(), stored + 1, p.recordedAt()));
                    }
                };
            }
        };
    }
}
