package io.haat.order.report;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /admin/reports/sales}: every period of the range (also those without sales), each with its figures per
 * currency, and the totals of the range per currency. Dates are local to {@code zone}; {@code to} and each period's
 * {@code end} are excluded.
 */
public record SalesReport(LocalDate from, LocalDate to, String zone, String granularity, List<Period> periods,
                          List<SalesFigures> totals) {

    public record Period(LocalDate start, LocalDate end, List<SalesFigures> figures) {
    }
}
