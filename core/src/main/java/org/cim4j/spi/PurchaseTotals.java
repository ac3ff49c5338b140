package org.cim4j.spi;

import java.math.RoundingMode;
import org.cim4j.commerce.Purchase;

/**
 * Tier-qualifying sums over one customer's purchases in a time range and currency, as returned by
 * {@link PurchaseStore#totals}. They let the loyalty engine decide tier upgrades with one aggregate read
 * under the account lock instead of loading the customer's purchase history.
 *
 * @param spend  Σ over the purchases of their net amount ({@code total − refunded}, never negative) rounded
 *               down to whole currency units <em>per purchase</em> (so 9.99 + 9.99 gives 18, not 19)
 * @param orders number of those purchases whose net amount is not zero (not fully refunded)
 */
public record PurchaseTotals(long spend, long orders) {
    /** No purchases. */
    public static final PurchaseTotals ZERO = new PurchaseTotals(0, 0);

    /** A purchase's contribution to {@link #spend}: its net amount rounded down to whole currency units. */
    public static long spendOf(Purchase p) {
        return p.net().amount().setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** Whether a purchase counts towards {@link #orders}: it is not fully refunded. */
    public static boolean isOrder(Purchase p) {
        return !p.net().isZero();
    }

    /** These totals plus one purchase. */
    public PurchaseTotals plus(Purchase p) {
        return new PurchaseTotals(spend + spendOf(p), orders + (isOrder(p) ? 1 : 0));
    }
}
