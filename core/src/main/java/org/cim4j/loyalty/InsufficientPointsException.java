package org.cim4j.loyalty;

import org.cim4j.Cim4jException;

/**
 * A redemption or debit asked for more points than the member has available. Nothing was written.
 */
public class InsufficientPointsException extends Cim4jException {
    private static final long serialVersionUID = 1L;
    private final long available;
    private final long requested;

    public InsufficientPointsException(MemberAccountId account, long available, long requested) {
        super("redeem on account " + account + " failed: requested " + requested + " points, available " + available);
        this.available = available;
        this.requested = requested;
    }

    /** Points the member had available. */
    public Points available() {
        return Points.of(available);
    }

    /** Points the command asked for. */
    public Points requested() {
        return Points.of(requested);
    }
}
