package io.haat.seller.analytics;

import io.haat.platform.report.Granularity;
import io.haat.platform.security.Actor;
import io.haat.platform.web.BadRequestException;
import io.haat.platform.web.Paging;
import io.haat.seller.store.StoreAccess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Seller dashboards: sales by day, week or month in the caller's time zone, and product performance. */
@Service
@Transactional(readOnly = true)
public class AnalyticsService {

    private static final Map<String, String> PRODUCT_SORTS = Map.of("views", "views", "clicks", "clicks",
            "addtocart", "add_to_cart", "orders", "orders", "units", "units");

    private final AnalyticsRepository analytics;
    private final StoreAccess stores;
    private final String defaultCurrency;

    public AnalyticsService(AnalyticsRepository analytics, StoreAccess stores,
                            @Value("${haat.seller.analytics.default-currency:NPR}") String defaultCurrency) {
        this.analytics = analytics;
        this.stores = stores;
        this.defaultCurrency = defaultCurrency;
    }

    public SalesReport sales(UUID storeId, Actor actor, ReportRange range, Granularity granularity, String currency) {
        stores.readable(storeId, actor);
        List<AnalyticsRepository.SalesBucket> buckets =
                analytics.sales(storeId, range.startInstant(), range.endInstant());
        String reported = currency != null ? checkedCurrency(currency) : mainCurrency(buckets);
        Map<LocalDate, long[]> periods = new TreeMap<>();
        for (LocalDate p = granularity.periodStart(range.from()); !p.isAfter(range.to()); p = granularity.nextStart(p)) {
            periods.put(p, new long[8]);
        }
        long[] totals = new long[8];
        for (var bucket : buckets) {
            if (!bucket.currency().equals(reported)) {
                continue;
            }
            LocalDate day = bucket.start().atZone(range.zone()).toLocalDate();
            long[] period = periods.get(granularity.periodStart(day));
            for (int i = 0; i < totals.length; i++) {
                period[i] += bucket.figures()[i];
                totals[i] += bucket.figures()[i];
            }
        }
        List<SalesPeriod> series = new ArrayList<>();
        periods.forEach((start, figures) -> series.add(
                SalesPeriod.of(start, granularity.nextStart(start).minusDays(1), reported, figures)));
        List<String> others = buckets.stream().map(AnalyticsRepository.SalesBucket::currency)
                .filter(c -> !c.equals(reported)).distinct().sorted().toList();
        return new SalesReport(storeId, range.from(), range.to(), granularity, range.zone().getId(), reported,
                SalesPeriod.of(range.from(), range.to(), reported, totals), series, others);
    }

    public ProductReport products(UUID storeId, Actor actor, ReportRange range, String sort, Paging paging) {
        stores.readable(storeId, actor);
        String sortKey = sort == null || sort.isBlank() ? "views" : sort.trim().toLowerCase(Locale.ROOT);
        String column = PRODUCT_SORTS.get(sortKey);
        if (column == null) {
            throw new BadRequestException("Parameter 'sort' must be one of views, clicks, addToCart, orders, units.");
        }
        var from = range.startInstant();
        var to = range.endInstant();
        return new ProductReport(storeId, range.from(), range.to(), range.zone().getId(), sortKey,
                analytics.productTotals(storeId, from, to), analytics.products(storeId, from, to, column, paging),
                paging.page(), paging.size(), analytics.productCount(storeId, from, to));
    }

    // the currency with the most orders in the range (a store normally sells in one)
    private String mainCurrency(List<AnalyticsRepository.SalesBucket> buckets) {
        Map<String, Long> orders = buckets.stream().collect(Collectors.groupingBy(
                AnalyticsRepository.SalesBucket::currency, LinkedHashMap::new,
                Collectors.summingLong(b -> b.figures()[0] + 1)));
        return orders.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(defaultCurrency);
    }

    private static String checkedCurrency(String currency) {
        String code = currency.trim().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Parameter 'currency' must be an ISO 4217 code such as NPR.");
        }
    }
}
