package io.haat.order.report;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /admin/reports/top-products} and {@code /top-stores}: the best sellers of a range (local dates of
 * {@code zone}, {@code to} excluded) in one currency, ranked by {@code sort}.
 */
public record TopReport<T>(LocalDate from, LocalDate to, String zone, String currency, String sort, int limit,
                           List<T> items) {
}
