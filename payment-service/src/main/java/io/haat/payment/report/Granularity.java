package io.haat.payment.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How a revenue report's range is cut into periods: calendar days, ISO weeks (from Monday) or calendar months. */
public enum Granularity {
    DAY(366), WEEK(5 * 366), MONTH(10 * 366);

    private final int maxDays;

    Granularity(int maxDays) {
        this.maxDays = maxDays;
    }

    /** The longest range (in days) a report of this granularity may span. */
    public int maxDays() {
        return maxDays;
    }

    /** The start of the period after the one that contains {@code date}. */
    public LocalDate nextStart(LocalDate date) {
        return switch (this) {
            case DAY -> date.plusDays(1);
            case WEEK -> date.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTH -> date.with(TemporalAdjusters.firstDayOfNextMonth());
        };
    }
}
