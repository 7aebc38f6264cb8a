package io.haat.payment.report;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /admin/reports/revenue}: every period of the range (also those without movements), each with its
 * totals per currency and its figures per seller and currency.
 */
public record RevenueReport(LocalDate from, LocalDate to, String zone, String granularity, List<Period> periods) {

    /** Local dates {@code start} (included) to {@code end} (excluded). */
    public record Period(LocalDate start, LocalDate end, List<CurrencyTotal> totals, List<SellerFigures> sellers) {
    }

    public record CurrencyTotal(String currency, RevenueFigures figures) {
    }

    public record SellerFigures(String sellerId, String currency, RevenueFigures figures) {
    }
}
