package org.cim4j.loyalty;

/**
 * A non-negative number of loyalty points. Points are whole numbers held in a {@code long}, never a
 * floating-point value, so sums are exact. Signed changes (ledger deltas) are plain {@code long}s.
 *
 * @param value zero or more
 */
public record Points(long value) implements Comparable<Points> {
    /** No points. */
    public static final Points ZERO = new Points(0);

    public Points {
        if (value < 0) {
            throw new IllegalArgumentException("points must not be negative, was " + value);
        }
    }

    /**
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public static Points of(long value) {
        return value == 0 ? ZERO : new Points(value);
    }

    /** @throws ArithmeticException on overflow */
    public Points plus(Points other) {
        return of(Math.addExact(value, other.value));
    }

    /** @throws IllegalArgumentException if the result would be negative */
    public Points minus(Points other) {
        return of(value - other.value);
    }

    public boolean isZero() {
        return value == 0;
    }

    /** The smaller of the two. */
    public static Points min(Points a, Points b) {
        return a.value <= b.value ? a : b;
    }

    @Override
    public int compareTo(Points o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return value + " pts";
    }
}
