package org.cim4j.loyalty;

import java.util.Objects;

/**
 * The time span whose activity counts towards a tier: either the last {@code months} months up to
 * now ({@link Kind#ROLLING}), or the current calendar period ({@link Kind#CALENDAR}) in the program zone.
 *
 * @param kind   rolling or calendar
 * @param months for rolling windows the length in months (1–120); for calendar windows the period's length
 * @param period for calendar windows the period, otherwise ignored ({@link CalendarPeriod#YEAR})
 */
public record QualificationWindow(Kind kind, int months, CalendarPeriod period) {

    /** How the window moves. */
    public enum Kind {
        /** The last N months up to the evaluation instant. */
        ROLLING,
        /** The current calendar period. */
        CALENDAR
    }

    public QualificationWindow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("window months must be 1-120, was " + months);
        }
    }

    /** The last {@code months} months. */
    public static QualificationWindow rollingMonths(int months) {
        return new QualificationWindow(Kind.ROLLING, months, CalendarPeriod.YEAR);
    }

    /** The current calendar period, e.g. the calendar year. */
    public static QualificationWindow calendar(CalendarPeriod period) {
        return new QualificationWindow(Kind.CALENDAR, period.months(), period);
    }
}
