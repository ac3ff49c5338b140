package org.cim4j.testkit.contract;

import java.time.Clock;
import java.util.EnumSet;
import java.util.function.UnaryOperator;
import org.cim4j.Cim4j;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.NewCustomer;
import org.cim4j.spi.StorageProvider;

/**
 * Shared input builders and helpers of the service-level contracts (customers, interactions,
 * purchases, tags, events, validation). Values are fixed or derived from a counter, never random,
 * so failures reproduce.
 */
final class ServiceFixtures {
    private ServiceFixtures() {
    }

    /** A valid new customer with a unique e-mail and external id derived from {@code n}. */
    static NewCustomer customer(int n) {
        return NewCustomer.builder()
                .name("Customer " + n)
                .email("customer" + n + "@example.com")
                .externalId("shop:user:" + n)
                .build();
    }

    /** A query matching customers in every status, for "nothing was stored" checks. */
    static CustomerQuery everyStatus() {
        return CustomerQuery.builder()
                .status(CustomerStatus.ACTIVE, EnumSet.complementOf(EnumSet.of(CustomerStatus.ACTIVE))
                        .toArray(new CustomerStatus[0]))
                .build();
    }

    /** Number of customers of the instance's tenant in any status. */
    static long customerCount(Cim4j crm) {
        return crm.customers().count(everyStatus());
    }

    /** A purchase of {@code quantity} × {@code unitPrice} {@code currency} of one SKU. */
    static NewPurchase purchase(CustomerId customer, String orderId, String unitPrice, String currency, int quantity) {
        return new NewPurchase(customer, orderId, org.cim4j.Channel.ESHOP, null, null,
                java.util.List.of(PurchaseLine.of("SKU-1", "shoes", quantity, Money.of(unitPrice, currency))));
    }

    /**
     * A {@link Cim4j} over a shared provider with extra builder settings, e.g. a default region or an
     * attribute schema; the caller registers it for closing.
     */
    static Cim4j crmWith(StorageProvider provider, Clock clock, TenantId tenant, long seed,
                         UnaryOperator<Cim4j.Builder> settings) {
        return settings.apply(Cim4j.builder()
                        .sharedStorage(provider)
                        .clock(clock)
                        .idGenerator(IdGenerator.seeded(clock, seed))
                        .tenant(tenant))
                .build();
    }
}
