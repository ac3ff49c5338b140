package org.cim4j;

import org.cim4j.commerce.PurchaseService;
import org.cim4j.customer.CustomerService;
import org.cim4j.interaction.InteractionService;
import org.cim4j.tag.TagService;

/**
 * The services as seen by one {@link Principal}: every call reads and writes only the principal's
 * tenant and is attributed to the principal. Obtain one with {@link Cim4j#as(Principal)}; it is
 * cheap, immutable and thread-safe.
 */
public interface Cim4jScope {

    /** Whose calls these are. */
    Principal principal();

    CustomerService customers();

    InteractionService interactions();

    PurchaseService purchases();

    TagService tags();
}
