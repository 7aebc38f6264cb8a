package io.haat.payment.report;

import io.haat.platform.security.RolePaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The platform's revenue, read from the ledger, as JSON or ({@code Accept: text/csv}) as CSV. Admins only. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class RevenueReportController {

    static final String PATH = "/admin/reports/revenue";

    private final RevenueReportService reports;

    public RevenueReportController(RevenueReportService reports) {
        this.reports = reports;
    }

    @GetMapping(path = PATH, produces = "application/json")
    public RevenueReport json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String granularity,
                              @RequestParam(required = false) String zone) {
        return reports.report(from, to, granularity, zone);
    }

    @GetMapping(path = PATH, produces = "text/csv")
    public ResponseEntity<String> csv(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String granularity,
                                      @RequestParam(required = false) String zone) {
        RevenueReport report = reports.report(from, to, granularity, zone);
        return RevenueReportService.csv(report).download("revenue-" + report.from() + "-" + report.to() + "-"
                + report.granularity() + ".csv");
    }

    /** 403 for every other role before anything is read. */
    @Configuration(proxyBeanMethods = false)
    static class Roles {
        @Bean
        RolePaths revenueReportRoles() {
            return RolePaths.of().require(PATH, "ADMIN");
        }
    }
}
