package io.haat.order.report;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The marketplace's sales for admins (ADMIN by {@code RolePaths}, see {@code AdminOrderController}), as JSON or
 * ({@code Accept: text/csv}) CSV: {@code /admin/reports/sales?from=&to=&granularity=day|week|month&zone=},
 * {@code /admin/reports/top-products} and {@code /admin/reports/top-stores} ({@code ?from=&to=&zone=&currency=
 * &sort=sales|units|orders&limit=}). Dates are local to the zone, {@code from} included, {@code to} excluded.
 * ({@code /admin/reports/revenue} is payment-service's.)
 */
@RestController
public class AdminReportController {

    private static final String SALES = "/admin/reports/sales";
    private static final String TOP_PRODUCTS = "/admin/reports/top-products";
    private static final String TOP_STORES = "/admin/reports/top-stores";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";

    private final SalesReports reports;

    public AdminReportController(SalesReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = SALES, produces = JSON)
    public SalesReport sales(ReportQuery.Sales query) {
        return reports.sales(query);
    }

    @GetMapping(path = SALES, produces = CSV)
    public ResponseEntity<String> salesCsv(ReportQuery.Sales query) {
        SalesReport report = reports.sales(query);
        return SalesReports.csv(report).download("sales-" + report.from() + "-" + report.to() + "-"
                + report.granularity() + ".csv");
    }

    @GetMapping(path = TOP_PRODUCTS, produces = JSON)
    public TopReport<TopProduct> topProducts(ReportQuery.Top query) {
        return reports.topProducts(query);
    }

    @GetMapping(path = TOP_PRODUCTS, produces = CSV)
    public ResponseEntity<String> topProductsCsv(ReportQuery.Top query) {
        TopReport<TopProduct> report = reports.topProducts(query);
        return SalesReports.productsCsv(report).download("top-products-" + report.from() + "-" + report.to()
                + ".csv");
    }

    @GetMapping(path = TOP_STORES, produces = JSON)
    public TopReport<TopStore> topStores(ReportQuery.Top query) {
        return reports.topStores(query);
    }

    @GetMapping(path = TOP_STORES, produces = CSV)
    public ResponseEntity<String> topStoresCsv(ReportQuery.Top query) {
        TopReport<TopStore> report = reports.topStores(query);
        return SalesReports.storesCsv(report).download("top-stores-" + report.from() + "-" + report.to() + ".csv");
    }
}
