package io.haat.seller.analytics;

import io.haat.platform.report.Granularity;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /stores/{id}/analytics/sales}: one entry per period (empty periods included), totals,
 * in one currency; {@code otherCurrencies} names currencies the store also sold in during the range.
 */
public record SalesReport(UUID storeId, LocalDate from, LocalDate to, Granularity granularity, String timeZone,
                          String currency, SalesPeriod totals, List<SalesPeriod> series, List<String> otherCurrencies) {
}
