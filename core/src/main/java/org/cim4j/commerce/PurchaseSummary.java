package org.cim4j.commerce;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Currency;
import org.cim4j.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * Purchase totals of one customer. Amounts are per currency because cim4j never converts
 * currencies; a single-currency business reads {@link #net(Currency)}.
 *
 * @param customerId the customer
 * @param orders     number of purchases (refunded ones included)
 * @param gross      sum of totals per currency
 * @param refunded   sum of refunds per currency
 * @param first      time of the first purchase, if any
 * @param last       time of the latest purchase, if any
 */
public record PurchaseSummary(CustomerId customerId, long orders, Map<Currency, Money> gross,
                              Map<Currency, Money> refunded, @Nullable Instant first, @Nullable Instant last) {
    public PurchaseSummary {
        gross = Map.copyOf(gross);
        refunded = Map.copyOf(refunded);
    }

    /** Gross minus refunds in one currency (zero when there were no purchases in it). */
    public Money net(Currency currency) {
        Money g = gross.getOrDefault(currency, Money.zero(currency));
        return g.minus(refunded.getOrDefault(currency, Money.zero(currency)));
    }

    public Optional<Instant> lastPurchase() {
        return Optional.ofNullable(last);
    }
}
