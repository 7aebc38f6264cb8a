package io.haat.order.order;

import io.haat.events.Money;
import io.haat.events.orders.OrderStatus;
import io.haat.events.orders.PayableOrder;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The read side: a customer's orders, one order, a store's seller orders, payment-service's look-up. */
@Component
public class OrderQueries {

    private final JdbcClient jdbc;
    private final OrderRepository orders;
    private final JsonMapper json;
    private final Deliveries deliveries;

    public OrderQueries(JdbcClient jdbc, OrderRepository orders, JsonMapper json, Deliveries deliveries) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.json = json;
        this.deliveries = deliveries;
    }

    /** The order as its customer sees it, with its deliveries. */
    public OrderResponse view(Order order) {
        return OrderResponse.of(order, deliveries.of(order.sellerOrders().stream().map(SellerOrder::id).toList()));
    }

    /** One seller order of a store as its seller sees it: the part, where to ship it, its delivery. */
    public StoreOrderResponse storeView(Order order, UUID sellerOrderId) {
        SellerOrder part = order.sellerOrder(sellerOrderId);
        return StoreOrderResponse.of(order.id(), part, order.address(),
                deliveries.of(List.of(sellerOrderId)).get(sellerOrderId));
    }

    /** The customer's orders, newest first, optionally of one status. */
    public PageResponse<OrderSummary> mine(UUID customerId, String status, Paging paging) {
        OrderStatus wanted = status == null || status.isBlank() ? null : parse(OrderStatus.class, status);
        String where = " WHERE o.customer_id = :customer" + (wanted == null ? "" : " AND o.status = :status");
        var count = jdbc.sql("SELECT count(*) FROM customer_order o" + where).param("customer", customerId);
        var page = jdbc.sql("""
                        SELECT o.id, o.status, o.total, o.currency, o.reserved_units, o.payment_deadline, o.placed_at,
                            (SELECT count(*) FROM seller_order s WHERE s.order_id = o.id) AS parts
                        FROM customer_order o""" + where + " ORDER BY o.placed_at DESC, o.id LIMIT :limit OFFSET :offset")
                .param("customer", customerId).param("limit", paging.size()).param("offset", paging.offset());
        if (wanted != null) {
            count = count.param("status", wanted.name());
            page = page.param("status", wanted.name());
        }
        List<OrderSummary> items = page.query((rs, n) -> new OrderSummary(rs.getObject("id", UUID.class),
                OrderStatus.valueOf(rs.getString("status")),
                new Money(rs.getLong("total"), rs.getString("currency").trim()), rs.getInt("parts"),
                rs.getInt("reserved_units"), rs.getTimestamp("payment_deadline").toInstant(),
                rs.getTimestamp("placed_at").toInstant())).list();
        return PageResponse.of(items, paging, count.query(Long.class).single());
    }

    /** The customer's order; another customer's (or none) is 404. */
    public OrderResponse get(UUID customerId, UUID orderId) {
        return orders.find(orderId).filter(order -> order.customerId().equals(customerId)).map(this::view)
                .orElseThrow(() -> OrderService.notFound(orderId));
    }

    /** payment-service's look-up; 404 for an unknown order. */
    public PayableOrder payable(UUID orderId) {
        return orders.find(orderId).map(Order::payable).orElseThrow(() -> OrderService.notFound(orderId));
    }

    /**
     * A store's seller orders from the order's confirmation on (before it, nothing is to be fulfilled and the store
     * does not see the address), newest first, optionally of one status.
     */
    public PageResponse<StoreOrderResponse> ofStore(String storeId, String status, Paging paging) {
        SellerOrderState wanted = status == null || status.isBlank() ? null : parse(SellerOrderState.class, status);
        String where = " WHERE s.store_id = :store AND s.confirmed_at IS NOT NULL"
                + (wanted == null ? "" : " AND s.status = :status");
        var count = jdbc.sql("SELECT count(*) FROM seller_order s" + where).param("store", storeId);
        var page = jdbc.sql("SELECT s.*, o.currency, o.address FROM seller_order s "
                        + "JOIN customer_order o ON o.id = s.order_id" + where
                        + " ORDER BY s.placed_at DESC, s.id LIMIT :limit OFFSET :offset")
                .param("store", storeId).param("limit", paging.size()).param("offset", paging.offset());
        if (wanted != null) {
            count = count.param("status", wanted.name());
            page = page.param("status", wanted.name());
        }
        record Row(UUID orderId, SellerOrder part, DeliveryAddress address) {
        }
        List<Row> rows = page.query((rs, n) -> new Row(rs.getObject("order_id", UUID.class),
                OrderRepository.sellerOrder(rs, List.of()),
                json.readValue(rs.getString("address"), DeliveryAddress.class))).list();
        Map<UUID, SellerOrder> withLines = new HashMap<>();
        orders.sellerOrdersOf(rows.stream().map(Row::orderId).distinct().toList()).values().stream()
                .flatMap(List::stream).forEach(part -> withLines.put(part.id(), part));
        Map<UUID, OrderResponse.Delivery> shipped = deliveries.of(rows.stream().map(row -> row.part().id()).toList());
        List<StoreOrderResponse> items = new ArrayList<>();
        for (Row row : rows) {
            items.add(StoreOrderResponse.of(row.orderId(), withLines.getOrDefault(row.part().id(), row.part()),
                    row.address(), shipped.get(row.part().id())));
        }
        return PageResponse.of(items, paging, count.query(Long.class).single());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
