package io.haat.seller.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code GET /stores/{id}/analytics/products}: a page of products with their performance, and totals. */
public record ProductReport(UUID storeId, LocalDate from, LocalDate to, String timeZone, String sort,
                            ProductPerformance totals, List<ProductPerformance> items, int page, int size,
                            long totalItems) {
}
