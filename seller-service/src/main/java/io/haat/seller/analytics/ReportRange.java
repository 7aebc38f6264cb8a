package io.haat.seller.analytics;

import io.haat.platform.web.BadRequestException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Local dates {@code from..to} (both included) in a time zone, and the instants that bound them. */
public record ReportRange(LocalDate from, LocalDate to, ZoneId zone) {

    static final int MAX_DAYS = 1096;
    static final int DEFAULT_DAYS = 30;

    /** {@code to} defaults to the date {@code now} in the zone (now from the caller's injected clock). */
    public static ReportRange parse(String from, String to, String timeZone, Instant now) {
        ZoneId zone = zone(timeZone);
        LocalDate end = to == null || to.isBlank() ? now.atZone(zone).toLocalDate() : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (start.isAfter(end)) {
            throw new BadRequestException("Parameter 'from' must not be after 'to'.");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new BadRequestException("The range may span at most " + MAX_DAYS + " days.");
        }
        return new ReportRange(start, end, zone);
    }

    public Instant startInstant() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** Exclusive end: the start of the day after {@code to}. */
    public Instant endInstant() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw new BadRequestException("Parameter 'tz' must be a time zone such as Asia/Kathmandu or +05:45.");
        }
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeException e) {
            throw new BadRequestException("Parameter '" + name + "' must be a date such as 2025-01-31.");
        }
    }
}
