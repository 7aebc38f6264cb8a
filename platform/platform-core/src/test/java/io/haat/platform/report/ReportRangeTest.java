package io.haat.platform.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.platform.web.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Periods of a report range: clipped to the range, bounded by local midnights of the zone; granularities. */
class ReportRangeTest {

    @Test
    void monthsAndWeeksAreClippedToTheRangeAndStartAtLocalMidnight() {
        ReportRange months = ReportRange.parse("2026-01-15", "2026-03-10", "month", "Asia/Kathmandu", "UTC");
        assertThat(months.periods()).extracting(ReportRange.Period::start).containsExactly(
                LocalDate.parse("2026-01-15"), LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"));
        assertThat(months.periods().getLast().end()).isEqualTo(LocalDate.parse("2026-03-10"));
        assertThat(months.periods().getFirst().startsAt()).isEqualTo(Instant.parse("2026-01-14T18:15:00Z"));

        ReportRange weeks = ReportRange.parse("2026-01-07", "2026-01-20", "WEEK", null, "Asia/Kathmandu");
        assertThat(weeks.zone().getId()).isEqualTo("Asia/Kathmandu");
        assertThat(weeks.periods()).extracting(ReportRange.Period::start).containsExactly(
                LocalDate.parse("2026-01-07"), LocalDate.parse("2026-01-12"), LocalDate.parse("2026-01-19"));

        ReportRange days = ReportRange.parse("2026-03-28", "2026-03-30", null, "Europe/Berlin", "UTC");
        assertThat(days.granularity()).isEqualTo(Granularity.DAY);
        // the night the clocks go forward: a 23-hour day
        ReportRange.Period shortDay = days.periods().get(1);
        assertThat(shortDay.endsAt().getEpochSecond() - shortDay.startsAt().getEpochSecond()).isEqualTo(23 * 3600);
    }

    @Test
    void everyWrongParameterIsNamed() {
        assertThatThrownBy(() -> ReportRange.parse("x", null, "hour", "Nowhere/Land", "UTC"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(p -> p.field()).containsExactly("from", "to", "granularity", "zone"));
        assertThatThrownBy(() -> ReportRange.parse("2026-01-01", "2027-01-03", "day", "UTC", "UTC"))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(ReportRange.parse("2026-01-01", "2027-01-02", "day", "UTC", "UTC").periods()).hasSize(366);
        assertThatThrownBy(() -> ReportRange.zone("Mars/Olympus")).isInstanceOfSatisfying(
                InvalidRequestException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("zone"));
    }

    @Test
    void periodStartsNumberThePeriodsForWidthBucket() {
        ReportRange days = ReportRange.parse("2026-01-01", "2026-01-03", "day", "Asia/Kathmandu", "UTC");
        assertThat(days.periodStartsArray()).isEqualTo("{2025-12-31T18:15:00Z,2026-01-01T18:15:00Z}");
    }

    @Test
    void granularitiesParseAndFindTheirPeriods() {
        LocalDate thursday = LocalDate.parse("2025-03-13");
        assertThat(Granularity.DAY.periodStart(thursday)).isEqualTo(thursday);
        assertThat(Granularity.WEEK.periodStart(thursday)).isEqualTo("2025-03-10");
        assertThat(Granularity.MONTH.periodStart(thursday)).isEqualTo("2025-03-01");
        assertThat(Granularity.WEEK.nextStart(thursday)).isEqualTo("2025-03-17");
        assertThat(Granularity.MONTH.nextStart(LocalDate.parse("2025-01-01"))).isEqualTo("2025-02-01");
        assertThat(Granularity.parse(null)).isEqualTo(Granularity.DAY);
        assertThat(Granularity.parse(" Week")).isEqualTo(Granularity.WEEK);
        assertThat(Granularity.MONTH.label()).isEqualTo("month");
        assertThatThrownBy(() -> Granularity.parse("hour")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors().getFirst().field()).isEqualTo("granularity"));
    }
}
