package io.haat.order.admin;

import io.haat.events.Money;
import io.haat.events.orders.OrderStatus;
import io.haat.events.payment.PaymentProvider;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every customer's orders for admins: filtered, newest first, paged; each with its parts and payment state. */
@Component
public class AdminOrderQueries {

    /**
     * The orders with what their payment facts add up to and the {@link PaymentState} it makes (same rows, same
     * order as the enum's table).
     */
    private static final String ORDERS = """
            SELECT * FROM (
                SELECT o.id, o.customer_id, o.status, o.currency, o.total, o.payment_provider, o.reserved_units,
                    o.placed_at, pay.captured, pay.refunded,
                    CASE WHEN pay.refunded > 0 AND pay.refunded >= pay.captured THEN 'REFUNDED'
                         WHEN pay.refunded > 0 THEN 'PARTIALLY_REFUNDED'
                         WHEN pay.captured >= o.total THEN 'PAID'
                         WHEN pay.cod > 0 THEN 'CASH_ON_DELIVERY'
                         WHEN pay.captured > 0 THEN 'PARTIALLY_PAID'
                         ELSE 'UNPAID' END AS payment_state
                FROM customer_order o CROSS JOIN LATERAL (
                    SELECT coalesce(sum(CASE WHEN p ->> 'state' = 'CAPTURED'
                                THEN (p -> 'amount' ->> 'amountMinor')::bigint END), 0) AS captured,
                           coalesce(sum(CASE WHEN p ->> 'state' = 'COD_ACCEPTED'
                                THEN (p -> 'amount' ->> 'amountMinor')::bigint END), 0) AS cod,
                           coalesce(sum((p -> 'refunded' ->> 'amountMinor')::bigint), 0) AS refunded
                    FROM jsonb_array_elements(o.payments) p) pay
            ) o""";

    private final JdbcClient jdbc;

    public AdminOrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public PageResponse<AdminOrderSummary> search(AdminOrderFilter filter, Paging paging) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            conditions.add("o.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.partStatus() != null) {
            conditions.add("EXISTS (SELECT 1 FROM seller_order s WHERE s.order_id = o.id AND s.status = :partStatus)");
            params.put("partStatus", filter.partStatus().name());
        }
        if (filter.storeId() != null) {
            conditions.add("EXISTS (SELECT 1 FROM seller_order s WHERE s.order_id = o.id AND s.store_id = :store)");
            params.put("store", filter.storeId());
        }
        if (filter.sellerId() != null) {
            conditions.add("EXISTS (SELECT 1 FROM seller_order s WHERE s.order_id = o.id AND s.seller_id = :seller)");
            params.put("seller", filter.sellerId());
        }
        if (filter.customerId() != null) {
            conditions.add("o.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.from() != null) {
            conditions.add("o.placed_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("o.placed_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.paymentState() != null) {
            conditions.add("o.payment_state = :paymentState");
            params.put("paymentState", filter.paymentState().name());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT count(*) FROM (" + ORDERS + where + ") counted").params(params)
                .query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        record Row(UUID id, UUID customerId, OrderStatus status, PaymentState paymentState, PaymentProvider provider,
                   String currency, long total, long captured, long refunded, int units, java.time.Instant placedAt) {
        }
        List<Row> rows = jdbc.sql(ORDERS + where + " ORDER BY o.placed_at DESC, o.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                        OrderStatus.valueOf(rs.getString("status")), PaymentState.valueOf(rs.getString("payment_state")),
                        PaymentProvider.valueOf(rs.getString("payment_provider")), rs.getString("currency").trim(),
                        rs.getLong("total"), rs.getLong("captured"), rs.getLong("refunded"),
                        rs.getInt("reserved_units"), rs.getTimestamp("placed_at").toInstant()))
                .list();
        Map<UUID, List<AdminOrderSummary.Part>> parts = partsOf(rows.stream().map(Row::id).toList());
        List<AdminOrderSummary> items = rows.stream().map(row -> new AdminOrderSummary(row.id(), row.customerId(),
                row.status(), row.paymentState(), row.provider(), new Money(row.total(), row.currency()),
                new Money(row.captured(), row.currency()), new Money(row.refunded(), row.currency()), row.units(),
                row.placedAt(), parts.getOrDefault(row.id(), List.of()))).toList();
        return PageResponse.of(items, paging, total);
    }

    private Map<UUID, List<AdminOrderSummary.Part>> partsOf(List<UUID> orderIds) {
        Map<UUID, List<AdminOrderSummary.Part>> parts = new HashMap<>();
        if (orderIds.isEmpty()) {
            return parts;
        }
        jdbc.sql("""
                        SELECT s.order_id, s.id, s.store_id, c.name AS store_name, s.seller_id, s.status, s.total,
                            o.currency, (SELECT coalesce(sum(l.quantity), 0) FROM order_line l
                                         WHERE l.seller_order_id = s.id) AS units
                        FROM seller_order s JOIN customer_order o ON o.id = s.order_id
                        LEFT JOIN store_copy c ON c.store_id = s.store_id
                        WHERE s.order_id IN (:ids) ORDER BY s.order_id, s.position""")
                .param("ids", orderIds)
                .query((rs, n) -> parts.computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>())
                        .add(new AdminOrderSummary.Part(rs.getObject("id", UUID.class), rs.getString("store_id"),
                                rs.getString("store_name"), rs.getString("seller_id"), rs.getString("status"),
                                new Money(rs.getLong("total"), rs.getString("currency").trim()), rs.getInt("units"))))
                .list();
        return parts;
    }
}
