package org.cim4j;

import org.cim4j.cache.FreshReads;
import org.cim4j.commerce.PurchaseService;
import org.cim4j.customer.CustomerService;
import org.cim4j.interaction.InteractionService;
import org.cim4j.loyalty.LoyaltyService;
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

    /**
     * The same services, but every read they make bypasses the cache (when caching is on) and sees
     * the latest committed data; their results still refresh the cache. Use it where a stale read
     * would hurt, e.g. right after another instance wrote, before a decision that must not act on
     * old data. Without caching it behaves exactly like this scope.
     *
     * <pre>{@code
     * Customer latest = crm.fresh().customers().get(id);
     * }</pre>
     *
     * Cheap (a thin proxy); do not hand the returned services to other threads expecting the effect
     * there: it applies on the thread making each call.
     */
    default Cim4jScope fresh() {
        return FreshReads.scope(this);
    }

    /** Loyalty programs, points ledger and tiers. */
    LoyaltyService loyalty();
}
