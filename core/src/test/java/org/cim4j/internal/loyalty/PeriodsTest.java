package org.cim4j.internal.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.cim4j.loyalty.CalendarPeriod;
import org.cim4j.loyalty.ExpiryPolicy;
import org.cim4j.loyalty.QualificationWindow;
import org.junit.jupiter.api.Test;

class PeriodsTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void expiresAt_policies() {
        Instant earned = Instant.parse("2026-02-10T05:00:00Z");
        assertThat(Periods.expiresAt(ExpiryPolicy.never(), earned, SHANGHAI)).isNull();
        assertThat(Periods.expiresAt(ExpiryPolicy.afterMonths(12), earned, SHANGHAI))
                .isEqualTo(Instant.parse("2027-02-10T05:00:00Z"));
        assertThat(Periods.expiresAt(ExpiryPolicy.endOfPeriod(CalendarPeriod.YEAR, 1), earned, SHANGHAI))
                .isEqualTo(Instant.parse("2027-12-31T16:00:00Z"));
        assertThat(Periods.expiresAt(ExpiryPolicy.endOfPeriod(CalendarPeriod.QUARTER, 0), earned, SHANGHAI))
                .isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
    }

    @Test
    void window_rollingAndCalendar() {
        Instant now = Instant.parse("2026-05-15T00:00:00Z");
        Periods.Range rolling = Periods.window(QualificationWindow.rollingMonths(3), now, ZoneId.of("UTC"));
        assertThat(rolling.from()).isEqualTo(Instant.parse("2026-02-15T00:00:00Z"));
        assertThat(rolling.contains(now)).isTrue();
        Periods.Range year = Periods.window(QualificationWindow.calendar(CalendarPeriod.YEAR), now, ZoneId.of("UTC"));
        assertThat(year.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(year.to()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }
}
