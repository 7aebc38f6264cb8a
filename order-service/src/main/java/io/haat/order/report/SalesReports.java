package io.haat.order.report;

import io.haat.platform.report.Csv;
import io.haat.platform.report.ReportRange;
import io.haat.platform.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin sales reports: sales by period, top products, top stores; each also as CSV. Periods are cut in the
 * requested zone, by default the marketplace's ({@code haat.order.reports.zone}); top lists are in one currency,
 * by default the marketplace's ({@code haat.order.reports.currency}).
 */
@Service
@Transactional(readOnly = true)
public class SalesReports {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    private final ReportRepository sums;
    private final String defaultZone;
    private final String defaultCurrency;

    public SalesReports(ReportRepository sums, @Value("${haat.order.reports.zone:Asia/Kathmandu}") String defaultZone,
                        @Value("${haat.order.reports.currency:NPR}") String defaultCurrency) {
        this.sums = sums;
        this.defaultZone = defaultZone;
        this.defaultCurrency = defaultCurrency;
    }

    public SalesReport sales(ReportQuery.Sales query) {
        ReportRange range = ReportRange.parse(query.from(), query.to(), query.granularity(), query.zone(),
                defaultZone);
        List<ReportRange.Period> periods = range.periods();
        List<ReportRepository.SalesRow> rows = sums.sales(range);
        Map<String, SalesFigures> totals = new TreeMap<>();
        List<SalesReport.Period> out = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            int index = i + 1;   // width_bucket counts from 1
            List<SalesFigures> figures = rows.stream().filter(row -> row.period() == index)
                    .map(ReportRepository.SalesRow::figures).toList();
            figures.forEach(f -> totals.merge(f.currency(), f, SalesFigures::plus));
            out.add(new SalesReport.Period(periods.get(i).start(), periods.get(i).end(), figures));
        }
        return new SalesReport(range.from(), range.to(), range.zone().getId(), range.granularity().label(), out,
                List.copyOf(totals.values()));
    }

    public TopReport<TopProduct> topProducts(ReportQuery.Top query) {
        Ranking top = ranking(query);
        return top.report(sums.topProducts(top.range(), top.currency(), top.sort(), top.limit()));
    }

    public TopReport<TopStore> topStores(ReportQuery.Top query) {
        Ranking top = ranking(query);
        return top.report(sums.topStores(top.range(), top.currency(), top.sort(), top.limit()));
    }

    /** One row per period and currency with sales (amounts in minor units). */
    public static Csv csv(SalesReport report) {
        Csv csv = Csv.withHeader("period_start", "period_end", "currency", "orders", "units", "merchandise_minor",
                "shipping_minor", "discounts_minor", "gross_merchandise_value_minor", "refunds_minor",
                "net_sales_minor", "average_order_value_minor");
        for (SalesReport.Period period : report.periods()) {
            for (SalesFigures f : period.figures()) {
                csv.row(period.start(), period.end(), f.currency(), f.orders(), f.units(),
                        f.merchandise().amountMinor(), f.shipping().amountMinor(), f.discounts().amountMinor(),
                        f.grossMerchandiseValue().amountMinor(), f.refunds().amountMinor(),
                        f.netSales().amountMinor(), f.averageOrderValue().amountMinor());
            }
        }
        return csv;
    }

    public static Csv productsCsv(TopReport<TopProduct> report) {
        Csv csv = Csv.withHeader("rank", "product_id", "name", "store_id", "currency", "orders", "units",
                "merchandise_minor", "discounts_minor", "sales_minor");
        for (TopProduct p : report.items()) {
            csv.row(p.rank(), p.productId(), p.name(), p.storeId(), report.currency(), p.orders(), p.units(),
                    p.merchandise().amountMinor(), p.discounts().amountMinor(), p.sales().amountMinor());
        }
        return csv;
    }

    public static Csv storesCsv(TopReport<TopStore> report) {
        Csv csv = Csv.withHeader("rank", "store_id", "store_name", "seller_id", "currency", "orders", "units",
                "merchandise_minor", "shipping_minor", "discounts_minor", "gross_merchandise_value_minor");
        for (TopStore s : report.items()) {
            csv.row(s.rank(), s.storeId(), s.storeName(), s.sellerId(), report.currency(), s.orders(), s.units(),
                    s.merchandise().amountMinor(), s.shipping().amountMinor(), s.discounts().amountMinor(),
                    s.grossMerchandiseValue().amountMinor());
        }
        return csv;
    }

    private Ranking ranking(ReportQuery.Top query) {
        ReportRange range = ReportRange.parse(query.from(), query.to(), null, query.zone(), defaultZone);
        int size = query.limit() == null ? DEFAULT_LIMIT : query.limit();
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new Ranking(range, currency(query.currency()), TopSort.parse(query.sort()), size);
    }

    private String currency(String value) {
        if (value == null || value.isBlank()) {
            return defaultCurrency;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("currency", "must be an ISO 4217 code such as NPR");
        }
    }

    private record Ranking(ReportRange range, String currency, TopSort sort, int limit) {

        <T> TopReport<T> report(List<T> items) {
            return new TopReport<>(range.from(), range.to(), range.zone().getId(), currency, sort.label(), limit,
                    items);
        }
    }
}
