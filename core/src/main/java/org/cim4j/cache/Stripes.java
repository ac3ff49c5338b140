package org.cim4j.cache;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Invalidation epochs, the core of the "a stale load never wins" guarantee.
 *
 * <p>A global sequence counts invalidations. Each of the 65,536 stripes (one per
 * {@link KeyFingerprints fingerprint}) remembers the sequence number of its last invalidation. A
 * transaction notes {@link #current()} <em>before</em> it opens its storage transaction; everything
 * it loads is stamped with that number. An entry is valid only while every stripe it depends on
 * (its own key, and for lookups each returned customer) was last invalidated at or before its stamp.
 *
 * <p>Why that is enough: a write commits, then bumps its stripes. If a loading transaction could
 * have missed that write (its snapshot began before the commit), it noted its stamp before the
 * commit, hence before the bump, so the bump is newer than the stamp and the loaded entry is
 * invalid the moment it is checked, whether it was inserted before or after the bump. A gap (lost
 * bus messages) raises a floor below which every stamp is invalid.
 */
final class Stripes {
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong floor = new AtomicLong();
    private final AtomicLongArray stripes = new AtomicLongArray(KeyFingerprints.MASK + 1);

    /** The stamp for loads of a transaction that is about to start. */
    long current() {
        return sequence.get();
    }

    /** Marks a stripe invalidated now. */
    void bump(int stripe) {
        long s = sequence.incrementAndGet();
        stripes.accumulateAndGet(stripe, s, Math::max);
    }

    /** Invalidates everything loaded so far. */
    void bumpAll() {
        long s = sequence.incrementAndGet();
        floor.accumulateAndGet(s, Math::max);
    }

    /** Whether data stamped {@code stamp} is still valid as far as {@code stripe} is concerned. */
    boolean unchangedSince(int stripe, long stamp) {
        return stamp >= floor.get() && stripes.get(stripe) <= stamp;
    }
}
