package io.haat.seller.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.platform.web.BadRequestException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportingRulesTest {

    @Test
    void aRangeIsBoundedByLocalMidnights() {
        Instant now = Instant.parse("2025-03-31T12:00:00Z");
        ReportRange range = ReportRange.parse("2025-03-11", "2025-03-11", "Asia/Kathmandu", now);
        assertThat(range.startInstant()).isEqualTo(Instant.parse("2025-03-10T18:15:00Z"));
        assertThat(range.endInstant()).isEqualTo(Instant.parse("2025-03-11T18:15:00Z"));
        assertThat(ReportRange.parse(null, "2025-03-31", null, now).from()).isEqualTo("2025-03-02");
        assertThatThrownBy(() -> ReportRange.parse("2025-03-12", "2025-03-11", null, now))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> ReportRange.parse("2025-03-12", null, "Nowhere/City", now))
                .isInstanceOf(BadRequestException.class);
        // no "to": today in the zone, by the clock — 18:20 UTC is already the next day in Kathmandu
        ReportRange lastDays = ReportRange.parse(null, null, "Asia/Kathmandu", Instant.parse("2025-03-10T18:20:00Z"));
        assertThat(lastDays.to()).isEqualTo("2025-03-11");
        assertThat(lastDays.from()).isEqualTo("2025-02-10");
    }

    @Test
    void bucketsAreQuarterHoursAndRatesAreSafe() {
        assertThat(Buckets.of(Instant.parse("2025-03-10T18:29:59Z"))).isEqualTo(Instant.parse("2025-03-10T18:15:00Z"));
        assertThat(Buckets.of(Instant.parse("1969-12-31T23:59:00Z"))).isEqualTo(Instant.parse("1969-12-31T23:45:00Z"));
        ProductPerformance none = ProductPerformance.of("p", 0, 3, 1, 1, 1);
        assertThat(none.clickThroughRate()).isZero();
        assertThat(ProductPerformance.of("p", 3, 1, 0, 1, 1).conversionRate()).isEqualTo(0.3333);
        assertThat(ProductActivity.fromKind("search-click")).contains(ProductActivity.CLICK);
        assertThat(ProductActivity.fromKind("impression")).isEmpty();
    }
}
