package org.cim4j.commerce;

import java.util.Optional;
import org.cim4j.Channel;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.ValidationException;
import org.cim4j.customer.CustomerId;

/** Purchase history of the caller's tenant. Thread-safe; every write is atomic. */
public interface PurchaseService {

    /**
     * Records a purchase; the total is computed from the lines.
     *
     * @throws ValidationException if the input is invalid (incl. mixed currencies); nothing is written
     * @throws NotFoundException   if the customer does not exist or is not active
     * @throws DuplicateException  if the order id was already recorded for this channel; names the existing purchase
     */
    Purchase record(NewPurchase purchase);

    Optional<Purchase> find(PurchaseId id);

    /** @throws NotFoundException if there is no such purchase */
    Purchase get(PurchaseId id);

    Optional<Purchase> findByOrder(Channel channel, String orderId);

    /**
     * Refunds part or all of a purchase. Concurrent refunds of one purchase are serialised: their sum
     * never exceeds the total.
     *
     * @throws ValidationException if {@code amount} is not positive, in another currency, or more than
     *                             what is left to refund; nothing is written
     * @throws NotFoundException   if there is no such purchase
     */
    Purchase refund(PurchaseId id, Money amount);

    /** A customer's purchases, newest first. */
    Page<Purchase> history(CustomerId customer, PageRequest page);

    /** Order count and totals of one customer. */
    PurchaseSummary summary(CustomerId customer);
}
