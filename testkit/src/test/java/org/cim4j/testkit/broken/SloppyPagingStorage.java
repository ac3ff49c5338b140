package org.cim4j.testkit.broken;

import java.util.List;
import org.cim4j.TenantId;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.spi.CustomerKeyset;
import org.cim4j.spi.CustomerStore;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.Stores;
import org.jspecify.annotations.Nullable;

/**
 * Broken on purpose: the keyset compares only the sort value and forgets the id tie-breaker
 * ({@code WHERE created_at > ?} instead of {@code (created_at, id) > (?, ?)}), so customers that tie
 * with the last one of a page are skipped; with {@code >=} they would repeat instead.
 */
final class SloppyPagingStorage extends ForwardingStorage {
    SloppyPagingStorage(StorageProvider delegate) {
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
                    public List<Customer> query(TenantId tenant, CustomerQuery q, @Nullable CustomerKeyset after, int limit) {
                        if (after == null) {
                            return d.query(tenant, q, null, limit);
                        }
                        return d.query(tenant, q, null, Integer.MAX_VALUE).stream()
                                .filter(c -> switch (q.sort()) {
                                    case CREATED_ASC -> c.createdAt().isAfter(after.createdAt());
                                    case CREATED_DESC -> c.createdAt().isBefore(after.createdAt());
                                    case NAME_ASC -> c.person().sortName().compareTo(after.sortName()) > 0;
                                })
                                .limit(limit).toList();
                    }
                };
            }
        };
    }
}
