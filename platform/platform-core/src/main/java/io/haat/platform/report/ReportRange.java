package io.haat.platform.report;

import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A report's range: local dates {@code from} (included) to {@code to} (excluded) in a time zone, cut into periods of
 * a granularity. The first and last periods are clipped to the range (a week report from a Wednesday starts its
 * first period that Wednesday). Used by the admin reports of payment-service and order-service.
 */
public record ReportRange(LocalDate from, LocalDate to, ZoneId zone, Granularity granularity) {

    /** One period: local dates {@code start} (included) to {@code end} (excluded), and the instants bounding it. */
    public record Period(LocalDate start, LocalDate end, Instant startsAt, Instant endsAt) {
    }

    /**
     * Every problem with the parameters at once, as 400 {@code validation} naming each parameter ({@code from},
     * {@code to}, {@code granularity}, {@code zone}); no zone is {@code defaultZone}, no granularity DAY.
     */
    public static ReportRange parse(String from, String to, String granularity, String zone, String defaultZone) {
        List<FieldProblem> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        Granularity unit = granularity(granularity, errors);
        ZoneId zoneId = zone(zone == null || zone.isBlank() ? defaultZone : zone, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldProblem("to", "must be after 'from' (the report covers from ≤ day < to)"));
        } else if (start != null && end != null && unit != null && ChronoUnit.DAYS.between(start, end) > unit.maxDays()) {
            errors.add(new FieldProblem("to", "a " + unit.label() + " report spans at most " + unit.maxDays()
                    + " days"));
        }
        InvalidRequestException.throwIfAny(errors);
        return new ReportRange(start, end, zoneId, unit);
    }

    public Instant startsAt() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant endsAt() {
        return to.atStartOfDay(zone).toInstant();
    }

    public List<Period> periods() {
        List<Period> periods = new ArrayList<>();
        for (LocalDate start = from; start.isBefore(to); ) {
            LocalDate next = granularity.nextStart(start);
            LocalDate end = next.isAfter(to) ? to : next;
            periods.add(new Period(start, end, start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant()));
            start = end;
        }
        return periods;
    }

    /**
     * The periods' starts as a PostgreSQL {@code timestamptz[]} literal: {@code width_bucket(at, CAST(:starts AS
     * timestamptz[]))} then numbers an instant of the range with its period's index in {@link #periods()} plus one.
     */
    public String periodStartsArray() {
        return periods().stream().map(p -> p.startsAt().toString()).collect(Collectors.joining(",", "{", "}"));
    }

    private static LocalDate date(String name, String value, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldProblem(name, "is required: a date such as 2026-01-31"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            errors.add(new FieldProblem(name, "must be a date such as 2026-01-31"));
            return null;
        }
    }

    private static Granularity granularity(String value, List<FieldProblem> errors) {
        try {
            return Granularity.parse(value);
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** An IANA zone or an offset; 400 naming {@code zone} otherwise. */
    public static ZoneId zone(String value) {
        List<FieldProblem> errors = new ArrayList<>();
        ZoneId zone = zone(value, errors);
        InvalidRequestException.throwIfAny(errors);
        return zone;
    }

    private static ZoneId zone(String value, List<FieldProblem> errors) {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            errors.add(new FieldProblem("zone", "must be a time zone such as Asia/Kathmandu or +05:45"));
            return null;
        }
    }
}
