package io.haat.platform.report;

import io.haat.platform.web.InvalidRequestException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The period a report's figures are summed by: calendar days, ISO weeks (from Monday) or calendar months; each with
 * the longest range (in days) a report of it may span.
 */
public enum Granularity {
    DAY(366), WEEK(5 * 366), MONTH(10 * 366);

    private final int maxDays;

    Granularity(int maxDays) {
        this.maxDays = maxDays;
    }

    /** {@code day}, {@code week} or {@code month} in any case; none is DAY; anything else 400 naming {@code granularity}. */
    public static Granularity parse(String value) {
        if (value == null || value.isBlank()) {
            return DAY;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("granularity", "must be day, week or month");
        }
    }

    /** The longest range (in days) a report of this granularity may span. */
    public int maxDays() {
        return maxDays;
    }

    /** The first day of the period that contains {@code date}. */
    public LocalDate periodStart(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** The start of the period after the one that contains {@code date}. */
    public LocalDate nextStart(LocalDate date) {
        return switch (this) {
            case DAY -> date.plusDays(1);
            case WEEK -> date.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTH -> date.with(TemporalAdjusters.firstDayOfNextMonth());
        };
    }

    /** The name as reports print it: {@code day}, {@code week}, {@code month}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
