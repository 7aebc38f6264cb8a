package io.haat.order.report;

import io.haat.events.Money;
import io.haat.platform.report.ReportRange;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sums over the orders for the admin reports. A sale is a seller order confirmed in the range whose order is not
 * cancelled; it counts at its confirmation ({@code seller_order.confirmed_at}, the same for all parts of an order).
 * Refunds are read from the order's payment facts.
 */
@Repository
public class ReportRepository {

    private final JdbcClient jdbc;

    public ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sums per period (1-based index in {@link ReportRange#periods()}) and currency, for periods with sales. */
    public List<SalesRow> sales(ReportRange range) {
        return jdbc.sql("""
                        WITH sold AS (
                            SELECT o.id, o.currency, o.payments, min(s.confirmed_at) AS confirmed_at,
                                sum(s.merchandise) AS merchandise, sum(s.shipping) AS shipping,
                                sum(s.seller_discount + s.platform_discount) AS discounts, sum(s.total) AS gmv
                            FROM customer_order o JOIN seller_order s ON s.order_id = o.id
                            WHERE o.status <> 'CANCELLED' AND s.confirmed_at >= :from AND s.confirmed_at < :to
                            GROUP BY o.id
                        ), figures AS (
                            SELECT d.*,
                                (SELECT coalesce(sum(l.quantity), 0) FROM order_line l
                                 JOIN seller_order s ON s.id = l.seller_order_id WHERE s.order_id = d.id) AS units,
                                (SELECT coalesce(sum((p -> 'refunded' ->> 'amountMinor')::bigint), 0)
                                 FROM jsonb_array_elements(d.payments) p) AS refunds
                            FROM sold d
                        )
                        SELECT width_bucket(confirmed_at, CAST(:starts AS timestamptz[])) AS period, currency,
                            count(*) AS orders, sum(units) AS units, sum(merchandise) AS merchandise,
                            sum(shipping) AS shipping, sum(discounts) AS discounts, sum(gmv) AS gmv,
                            sum(refunds) AS refunds
                        FROM figures GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("from", Timestamp.from(range.startsAt())).param("to", Timestamp.from(range.endsAt()))
                .param("starts", range.periodStartsArray())
                .query((rs, n) -> new SalesRow(rs.getInt("period"), SalesFigures.of(rs.getString("currency").trim(),
                        rs.getLong("orders"), rs.getLong("units"), rs.getLong("merchandise"), rs.getLong("shipping"),
                        rs.getLong("discounts"), rs.getLong("gmv"), rs.getLong("refunds"))))
                .list();
    }

    /** The best-selling products of the range in one currency (store parts cancelled on their own left out). */
    public List<TopProduct> topProducts(ReportRange range, String currency, TopSort sort, int limit) {
        String order = switch (sort) {
            case SALES -> "sales DESC, units DESC";
            case UNITS -> "units DESC, sales DESC";
            case ORDERS -> "orders DESC, sales DESC";
        };
        return jdbc.sql("""
                        SELECT l.product_id, s.store_id, (array_agg(l.name ORDER BY s.confirmed_at DESC))[1] AS name,
                            count(DISTINCT s.order_id) AS orders, sum(l.quantity) AS units,
                            sum(l.quantity * l.unit_price) AS merchandise, sum(l.discount) AS discounts,
                            sum(l.quantity * l.unit_price - l.discount) AS sales
                        FROM order_line l JOIN seller_order s ON s.id = l.seller_order_id
                        JOIN customer_order o ON o.id = s.order_id
                        WHERE o.status <> 'CANCELLED' AND s.status <> 'CANCELLED' AND o.currency = :currency
                          AND s.confirmed_at >= :from AND s.confirmed_at < :to
                        GROUP BY l.product_id, s.store_id
                        ORDER BY\s""" + order + ", l.product_id LIMIT :limit")
                .param("currency", currency).param("from", Timestamp.from(range.startsAt()))
                .param("to", Timestamp.from(range.endsAt())).param("limit", limit)
                .query((rs, n) -> new TopProduct(n + 1, rs.getString("product_id"), rs.getString("name"),
                        rs.getString("store_id"), rs.getLong("orders"), rs.getLong("units"),
                        money(rs.getLong("merchandise"), currency), money(rs.getLong("discounts"), currency),
                        money(rs.getLong("sales"), currency)))
                .list();
    }

    /** The best-selling stores of the range in one currency (store parts cancelled on their own left out). */
    public List<TopStore> topStores(ReportRange range, String currency, TopSort sort, int limit) {
        String order = switch (sort) {
            case SALES -> "gmv DESC, units DESC";
            case UNITS -> "units DESC, gmv DESC";
            case ORDERS -> "orders DESC, gmv DESC";
        };
        return jdbc.sql("""
                        WITH parts AS (
                            SELECT s.*, (SELECT coalesce(sum(l.quantity), 0) FROM order_line l
                                         WHERE l.seller_order_id = s.id) AS units
                            FROM seller_order s JOIN customer_order o ON o.id = s.order_id
                            WHERE o.status <> 'CANCELLED' AND s.status <> 'CANCELLED' AND o.currency = :currency
                              AND s.confirmed_at >= :from AND s.confirmed_at < :to
                        )
                        SELECT p.store_id, p.seller_id, max(c.name) AS store_name, count(*) AS orders,
                            sum(p.units) AS units, sum(p.merchandise) AS merchandise, sum(p.shipping) AS shipping,
                            sum(p.seller_discount + p.platform_discount) AS discounts, sum(p.total) AS gmv
                        FROM parts p LEFT JOIN store_copy c ON c.store_id = p.store_id
                        GROUP BY p.store_id, p.seller_id
                        ORDER BY\s""" + order + ", p.store_id LIMIT :limit")
                .param("currency", currency).param("from", Timestamp.from(range.startsAt()))
                .param("to", Timestamp.from(range.endsAt())).param("limit", limit)
                .query((rs, n) -> new TopStore(n + 1, rs.getString("store_id"), rs.getString("store_name"),
                        rs.getString("seller_id"), rs.getLong("orders"), rs.getLong("units"),
                        money(rs.getLong("merchandise"), currency), money(rs.getLong("shipping"), currency),
                        money(rs.getLong("discounts"), currency), money(rs.getLong("gmv"), currency)))
                .list();
    }

    private static Money money(long minor, String currency) {
        return new Money(minor, currency);
    }

    /** The figures of one period (1-based) and currency. */
    public record SalesRow(int period, SalesFigures figures) {
    }
}
