package org.cim4j.internal.loyalty;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.cim4j.loyalty.CalendarPeriod;
import org.cim4j.loyalty.ExpiryPolicy;
import org.cim4j.loyalty.QualificationWindow;
import org.jspecify.annotations.Nullable;

/** Calendar arithmetic for expiry dates and qualification windows, in a program's zone. */
public final class Periods {
    private Periods() {
    }

    /** A half-open time range {@code [from, to)}. */
    public record Range(Instant from, Instant to) {
        public boolean contains(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    /** When a lot earned at {@code earnedAt} expires, or {@code null} for never. */
    public static @Nullable Instant expiresAt(ExpiryPolicy policy, Instant earnedAt, ZoneId zone) {
        if (policy instanceof ExpiryPolicy.AfterMonths) {
            int months = ((ExpiryPolicy.AfterMonths) policy).months();
            return earnedAt.atZone(zone).plusMonths(months).toInstant();
        }
        if (policy instanceof ExpiryPolicy.EndOfPeriod) {
            ExpiryPolicy.EndOfPeriod p = (ExpiryPolicy.EndOfPeriod) policy;
            return periodStart(p.period(), earnedAt, zone).plusMonths((long) p.period().months() * (p.periodsAfter() + 1))
                    .toInstant();
        }
        return null;
    }

    /** Start of the calendar period containing {@code at}. */
    public static ZonedDateTime periodStart(CalendarPeriod period, Instant at, ZoneId zone) {
        ZonedDateTime day = at.atZone(zone).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        switch (period) {
            case MONTH:
                return day;
            case QUARTER:
                return day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR:
                return day.withMonth(1);
            default:
                throw new IllegalArgumentException("unknown period " + period);
        }
    }

    /**
     * The qualification window at {@code now}. Rolling windows end just after {@code now} (instants are
     * microsecond precise, so activity recorded at {@code now} counts); calendar windows are the whole
     * current period.
     */
    public static Range window(QualificationWindow window, Instant now, ZoneId zone) {
        if (window.kind() == QualificationWindow.Kind.ROLLING) {
            return new Range(now.atZone(zone).minusMonths(window.months()).toInstant(), now.plus(1, ChronoUnit.MICROS));
        }
        ZonedDateTime start = periodStart(window.period(), now, zone);
        return new Range(start.toInstant(), start.plusMonths(window.period().months()).toInstant());
    }

    /** The calendar day containing {@code at}. */
    public static Range day(Instant at, ZoneId zone) {
        ZonedDateTime start = at.atZone(zone).truncatedTo(ChronoUnit.DAYS);
        return new Range(start.toInstant(), start.plusDays(1).toInstant());
    }
}
