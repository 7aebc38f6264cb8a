package io.haat.order.report;

/** The query parameters of the admin reports, bound by name; each is checked by {@link SalesReports}. */
public final class ReportQuery {

    private ReportQuery() {
    }

    /** {@code /admin/reports/sales?from=&to=&granularity=&zone=}. */
    public record Sales(String from, String to, String granularity, String zone) {
    }

    /** {@code /admin/reports/top-products} and {@code /top-stores}: {@code ?from=&to=&zone=&currency=&sort=&limit=}. */
    public record Top(String from, String to, String zone, String currency, String sort, Integer limit) {
    }
}
