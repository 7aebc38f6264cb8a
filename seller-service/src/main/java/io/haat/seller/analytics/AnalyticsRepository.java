package io.haat.seller.analytics;

import static io.haat.seller.support.SqlTime.instant;
import static io.haat.seller.support.SqlTime.ts;

import io.haat.platform.web.Paging;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the 15-minute aggregates. */
@Repository
public class AnalyticsRepository {

    private final JdbcClient jdbc;

    public AnalyticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One sales bucket: orders, units, revenue, cancellations, cancelled, deliveries, returns, returned. */
    public record SalesBucket(Instant start, String currency, long[] figures) {
    }

    public List<SalesBucket> sales(UUID storeId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT bucket_start, currency, orders, units, revenue_minor, cancellations, cancelled_minor,
                            deliveries, returns, returned_minor
                        FROM sales_bucket WHERE store_id = ? AND bucket_start >= ? AND bucket_start < ?
                        ORDER BY bucket_start""")
                .params(storeId, ts(from), ts(to))
                .query((rs, row) -> new SalesBucket(instant(rs, "bucket_start"), rs.getString("currency"), new long[] {
                        rs.getLong("orders"), rs.getLong("units"), rs.getLong("revenue_minor"),
                        rs.getLong("cancellations"), rs.getLong("cancelled_minor"), rs.getLong("deliveries"),
                        rs.getLong("returns"), rs.getLong("returned_minor")}))
                .list();
    }

    public long productCount(UUID storeId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT count(DISTINCT product_id) FROM product_bucket
                        WHERE store_id = ? AND bucket_start >= ? AND bucket_start < ?""")
                .params(storeId, ts(from), ts(to)).query(Long.class).single();
    }

    /** Products of the store with their sums over the range, sorted by {@code sortColumn} (a known column). */
    public List<ProductPerformance> products(UUID storeId, Instant from, Instant to, String sortColumn, Paging paging) {
        return jdbc.sql("""
                        SELECT product_id, sum(views) AS views, sum(clicks) AS clicks, sum(add_to_cart) AS add_to_cart,
                            sum(orders) AS orders, sum(units) AS units
                        FROM product_bucket WHERE store_id = ? AND bucket_start >= ? AND bucket_start < ?
                        GROUP BY product_id ORDER BY\s""" + sortColumn + " DESC, product_id LIMIT ? OFFSET ?")
                .params(storeId, ts(from), ts(to), paging.size(), paging.offset())
                .query((rs, row) -> ProductPerformance.of(rs.getString("product_id"), rs.getLong("views"),
                        rs.getLong("clicks"), rs.getLong("add_to_cart"), rs.getLong("orders"), rs.getLong("units")))
                .list();
    }

    public ProductPerformance productTotals(UUID storeId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT coalesce(sum(views), 0) AS views, coalesce(sum(clicks), 0) AS clicks,
                            coalesce(sum(add_to_cart), 0) AS add_to_cart, coalesce(sum(orders), 0) AS orders,
                            coalesce(sum(units), 0) AS units
                        FROM product_bucket WHERE store_id = ? AND bucket_start >= ? AND bucket_start < ?""")
                .params(storeId, ts(from), ts(to))
                .query((rs, row) -> ProductPerformance.of(null, rs.getLong("views"), rs.getLong("clicks"),
                        rs.getLong("add_to_cart"), rs.getLong("orders"), rs.getLong("units")))
                .single();
    }
}
