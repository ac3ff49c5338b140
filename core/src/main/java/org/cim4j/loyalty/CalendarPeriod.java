package org.cim4j.loyalty;

/** Calendar periods for expiry and tier windows, in the program's time zone. */
public enum CalendarPeriod {
    MONTH(1),
    QUARTER(3),
    YEAR(12);

    private final int months;

    CalendarPeriod(int months) {
        this.months = months;
    }

    /** Length in months. */
    public int months() {
        return months;
    }
}
