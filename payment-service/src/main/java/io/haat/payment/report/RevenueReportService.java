package io.haat.payment.report;

import io.haat.platform.report.Csv;
import io.haat.platform.report.ReportRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the revenue report from ledger sums, and its CSV form. */
@Service
public class RevenueReportService {

    private static final String[] CSV_HEADER = {"period_start", "period_end", "currency", "seller_id",
        "gross_merchandise_value_minor", "refunds_minor", "commission_minor", "platform_discounts_minor",
        "net_revenue_minor"};

    private final RevenueRepository sums;
    private final String defaultZone;

    public RevenueReportService(RevenueRepository sums,
                                @Value("${haat.payment.reports.zone:Asia/Kathmandu}") String defaultZone) {
        this.sums = sums;
        this.defaultZone = defaultZone;
    }

    /** Parses the parameters (400 {@code validation} for each one that is wrong), then reads the ledger. */
    @Transactional(readOnly = true)
    public RevenueReport report(String from, String to, String granularity, String zone) {
        ReportRange range = ReportRange.parse(from, to, granularity, zone, defaultZone);
        List<ReportRange.Period> periods = range.periods();
        List<RevenueRepository.Row> rows = sums.sums(range);
        List<RevenueReport.Period> out = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            int index = i + 1;   // width_bucket counts from 1
            Map<String, RevenueFigures> totals = new TreeMap<>();
            List<RevenueReport.SellerFigures> sellers = new ArrayList<>();
            for (RevenueRepository.Row row : rows) {
                if (row.period() != index) {
                    continue;
                }
                RevenueFigures figures = RevenueFigures.of(row.currency(), row.gmv(), row.refunds(), row.commission(),
                        row.discounts());
                sellers.add(new RevenueReport.SellerFigures(row.sellerId(), row.currency(), figures));
                totals.merge(row.currency(), figures, RevenueFigures::plus);
            }
            out.add(new RevenueReport.Period(periods.get(i).start(), periods.get(i).end(),
                    totals.entrySet().stream().map(e -> new RevenueReport.CurrencyTotal(e.getKey(), e.getValue()))
                            .toList(), sellers));
        }
        return new RevenueReport(range.from(), range.to(), range.zone().getId(),
                range.granularity().label(), out);
    }

    /** One header row, then one row per period, currency and seller with movements (amounts in minor units). */
    public static Csv csv(RevenueReport report) {
        Csv csv = Csv.withHeader(CSV_HEADER);
        for (RevenueReport.Period period : report.periods()) {
            for (RevenueReport.SellerFigures seller : period.sellers()) {
                RevenueFigures f = seller.figures();
                csv.row(period.start(), period.end(), seller.currency(), seller.sellerId(),
                        f.grossMerchandiseValue().amountMinor(), f.refunds().amountMinor(),
                        f.commission().amountMinor(), f.platformDiscounts().amountMinor(),
                        f.netRevenue().amountMinor());
            }
        }
        return csv;
    }
}
