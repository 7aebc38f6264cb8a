package io.haat.order.order;

import io.haat.events.Money;
import io.haat.events.orders.OrderStatus;
import io.haat.events.orders.PaymentChoice;
import io.haat.events.payment.PaymentProvider;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.order.pricing.Discounts;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders, their seller orders and lines. An order is inserted whole at checkout; afterwards only its status,
 * payments, timeline, deadline and cancellation change (one UPDATE conditional on the version it was loaded with,
 * the row locked {@code FOR UPDATE} on load), and its seller orders' statuses, shipments and deliveries.
 */
@Repository
public class OrderRepository {

    private static final TypeReference<List<PaymentFact>> PAYMENTS = new TypeReference<>() { };
    private static final TypeReference<List<TimelineEntry>> TIMELINE = new TypeReference<>() { };
    private static final TypeReference<List<Discounts.AppliedCoupon>> COUPONS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public OrderRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** How many unpaid orders (PENDING or AWAITING_PAYMENT) a customer holds, and their units. */
    public record Unpaid(int orders, int units) {
    }

    public void insert(Order order) {
        jdbc.sql("""
                        INSERT INTO customer_order (id, customer_id, status, currency, total, payment_provider,
                            cash_on_delivery, address, coupons, payments, timeline, cancellation, payment_deadline,
                            reservation_expires_at, reserved_units, version, placed_at, updated_at)
                        VALUES (:id, :customer, :status, :currency, :total, :provider, :cod, CAST(:address AS jsonb),
                            CAST(:coupons AS jsonb), CAST(:payments AS jsonb), CAST(:timeline AS jsonb), NULL,
                            :deadline, NULL, :units, :version, :placed, :placed)""")
                .param("id", order.id()).param("customer", order.customerId())
                .param("status", order.status().name()).param("currency", order.total().currency())
                .param("total", order.total().amountMinor()).param("provider", order.payment().provider().name())
                .param("cod", order.payment().cashOnDelivery().amountMinor())
                .param("address", json.writeValueAsString(order.address()))
                .param("coupons", json.writeValueAsString(order.coupons()))
                .param("payments", json.writeValueAsString(order.payments()))
                .param("timeline", json.writeValueAsString(order.timeline()))
                .param("deadline", Timestamp.from(order.paymentDeadline())).param("units", order.units())
                .param("version", order.version()).param("placed", Timestamp.from(order.placedAt()))
                .update();
        int position = 0;
        for (SellerOrder part : order.sellerOrders()) {
            jdbc.sql("""
                            INSERT INTO seller_order (id, order_id, position, store_id, seller_id, status, merchandise,
                                seller_discount, platform_discount, shipping, shipping_discount, total,
                                shipping_method_id, shipping_method_name, estimated_from, estimated_to, placed_at,
                                confirmed_at)
                            VALUES (:id, :order, :position, :store, :seller, :status, :merchandise, :sellerDiscount,
                                :platformDiscount, :shipping, :shippingDiscount, :total, :method, :methodName, :from,
                                :to, :placed, NULL)""")
                    .param("id", part.id()).param("order", order.id()).param("position", position++)
                    .param("store", part.storeId()).param("seller", part.sellerId())
                    .param("status", part.status().name())
                    .param("merchandise", part.merchandise().amountMinor())
                    .param("sellerDiscount", part.sellerDiscount().amountMinor())
                    .param("platformDiscount", part.platformDiscount().amountMinor())
                    .param("shipping", part.shipping().amountMinor())
                    .param("shippingDiscount", part.shippingDiscount().amountMinor())
                    .param("total", part.total().amountMinor())
                    .param("method", part.shippingMethod().methodId())
                    .param("methodName", part.shippingMethod().name())
                    .param("from", Date.valueOf(part.shippingMethod().estimatedFrom()))
                    .param("to", Date.valueOf(part.shippingMethod().estimatedTo()))
                    .param("placed", Timestamp.from(order.placedAt()))
                    .update();
            int line = 0;
            for (OrderItem item : part.items()) {
                jdbc.sql("""
                                INSERT INTO order_line (seller_order_id, position, product_id, sku, name, quantity,
                                    unit_price, discount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(part.id(), line++, item.productId(), item.sku(), item.name(), item.quantity(),
                                item.unitPrice().amountMinor(), item.discount().amountMinor())
                        .update();
            }
        }
    }

    public Optional<Order> find(UUID id) {
        return load(id, false);
    }

    /** The order, its row locked until the transaction ends. */
    public Optional<Order> lock(UUID id) {
        return load(id, true);
    }

    /** Stores {@code after} if the row is still at {@code before}'s version. */
    public void save(Order before, Order after) {
        int updated = jdbc.sql("""
                        UPDATE customer_order SET status = :status, payments = CAST(:payments AS jsonb),
                            timeline = CAST(:timeline AS jsonb), cancellation = CAST(:cancellation AS jsonb),
                            payment_deadline = :deadline, reservation_expires_at = :expires, version = :next,
                            updated_at = :at
                        WHERE id = :id AND version = :version AND status = :before""")
                .param("status", after.status().name())
                .param("payments", json.writeValueAsString(after.payments()))
                .param("timeline", json.writeValueAsString(after.timeline()))
                .param("cancellation", after.cancellation() == null ? null
                        : json.writeValueAsString(after.cancellation()))
                .param("deadline", Timestamp.from(after.paymentDeadline()))
                .param("expires", after.reservationExpiresAt() == null ? null
                        : Timestamp.from(after.reservationExpiresAt()))
                .param("next", after.version())
                .param("at", Timestamp.from(after.timeline().getLast().at()))
                .param("id", before.id()).param("version", before.version())
                .param("before", before.status().name())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("order " + before.id() + " changed since it was loaded");
        }
        for (int i = 0; i < after.sellerOrders().size(); i++) {
            SellerOrder was = before.sellerOrders().get(i);
            SellerOrder now = after.sellerOrders().get(i);
            if (!was.equals(now)) {
                SellerOrder.Shipment shipment = now.shipment();
                jdbc.sql("""
                                UPDATE seller_order SET status = :status, confirmed_at = :confirmed, carrier = :carrier,
                                    tracking_number = :tracking, tracking_url = :url, shipped_at = :shipped,
                                    delivered_at = :delivered, return_window_ends_at = :windowEnds
                                WHERE id = :id""")
                        .param("status", now.status().name()).param("confirmed", timestamp(now.confirmedAt()))
                        .param("carrier", shipment == null ? null : shipment.carrier())
                        .param("tracking", shipment == null ? null : shipment.trackingNumber())
                        .param("url", shipment == null ? null : shipment.trackingUrl())
                        .param("shipped", shipment == null ? null : timestamp(shipment.shippedAt()))
                        .param("delivered", timestamp(now.deliveredAt()))
                        .param("windowEnds", timestamp(now.returnWindowEndsAt()))
                        .param("id", now.id())
                        .update();
            }
        }
    }

    public Unpaid unpaidOf(UUID customerId) {
        return jdbc.sql("""
                        SELECT count(*) AS orders, coalesce(sum(reserved_units), 0) AS units FROM customer_order
                        WHERE customer_id = ? AND status IN ('PENDING', 'AWAITING_PAYMENT')""")
                .param(customerId).query((rs, n) -> new Unpaid(rs.getInt("orders"), rs.getInt("units"))).single();
    }

    /**
     * Locks up to {@code batch} unpaid orders whose deadline passed; SKIP LOCKED leaves an order a consumer is
     * changing right now to a later run and keeps instances from waiting on each other.
     */
    public List<UUID> lockDue(Instant now, int batch) {
        return jdbc.sql("""
                        SELECT id FROM customer_order
                        WHERE status IN ('PENDING', 'AWAITING_PAYMENT') AND payment_deadline <= ?
                        ORDER BY payment_deadline LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), batch).query((rs, n) -> rs.getObject("id", UUID.class)).list();
    }

    /** The order one seller order belongs to. */
    public Optional<Order> findBySellerOrder(UUID sellerOrderId) {
        return jdbc.sql("SELECT order_id FROM seller_order WHERE id = ?").param(sellerOrderId)
                .query((rs, n) -> rs.getObject("order_id", UUID.class)).optional().flatMap(this::find);
    }

    /** A delivered seller order whose return window ended, and its order. */
    public record Completable(UUID sellerOrderId, UUID orderId) {
    }

    /**
     * Up to {@code batch} delivered (or return-rejected) seller orders whose return window ended by {@code now},
     * except {@code skip}, their orders locked; SKIP LOCKED leaves an order someone is changing to a later run.
     */
    public List<Completable> lockCompletable(Instant now, int batch, java.util.Collection<UUID> skip) {
        var query = jdbc.sql("""
                        SELECT s.id, s.order_id FROM seller_order s JOIN customer_order o ON o.id = s.order_id
                        WHERE s.status IN ('DELIVERED', 'RETURN_REJECTED', 'REFUNDED') AND s.return_window_ends_at <= :now"""
                        + (skip.isEmpty() ? "" : " AND s.id NOT IN (:skip)")
                        + " ORDER BY s.return_window_ends_at LIMIT :batch FOR UPDATE OF o SKIP LOCKED")
                .param("now", Timestamp.from(now)).param("batch", batch);
        if (!skip.isEmpty()) {
            query = query.param("skip", skip);
        }
        return query.query((rs, n) -> new Completable(rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class))).list();
    }

    private Optional<Order> load(UUID id, boolean lock) {
        Optional<Header> header = jdbc.sql("SELECT * FROM customer_order WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id).query((rs, n) -> header(rs)).optional();
        return header.map(h -> h.toOrder(sellerOrdersOf(List.of(h.id())).getOrDefault(h.id(), List.of())));
    }

    /** The seller orders (with their lines) of these orders, by order id, in checkout order. */
    Map<UUID, List<SellerOrder>> sellerOrdersOf(List<UUID> orderIds) {
        Map<UUID, List<SellerOrder>> byOrder = new HashMap<>();
        if (orderIds.isEmpty()) {
            return byOrder;
        }
        Map<UUID, List<OrderItem>> items = new HashMap<>();
        jdbc.sql("""
                        SELECT l.*, o.currency FROM order_line l JOIN seller_order s ON s.id = l.seller_order_id
                        JOIN customer_order o ON o.id = s.order_id
                        WHERE s.order_id IN (:ids) ORDER BY l.seller_order_id, l.position""")
                .param("ids", orderIds)
                .query((rs, n) -> {
                    String currency = rs.getString("currency").trim();
                    items.computeIfAbsent(rs.getObject("seller_order_id", UUID.class), k -> new ArrayList<>())
                            .add(new OrderItem(rs.getString("product_id"), rs.getString("sku"), rs.getString("name"),
                                    rs.getInt("quantity"), new Money(rs.getLong("unit_price"), currency),
                                    new Money(rs.getLong("discount"), currency)));
                    return null;
                }).list();
        jdbc.sql("""
                        SELECT s.*, o.currency FROM seller_order s JOIN customer_order o ON o.id = s.order_id
                        WHERE s.order_id IN (:ids) ORDER BY s.order_id, s.position""")
                .param("ids", orderIds)
                .query((rs, n) -> {
                    UUID partId = rs.getObject("id", UUID.class);
                    byOrder.computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>())
                            .add(sellerOrder(rs, items.getOrDefault(partId, List.of())));
                    return null;
                }).list();
        return byOrder;
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    static SellerOrder sellerOrder(ResultSet rs, List<OrderItem> items) throws SQLException {
        String currency = rs.getString("currency").trim();
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        Instant shipped = instant(rs, "shipped_at");
        return new SellerOrder(rs.getObject("id", UUID.class), rs.getString("store_id"), rs.getString("seller_id"),
                SellerOrderState.valueOf(rs.getString("status")), items,
                new Money(rs.getLong("shipping"), currency), new Money(rs.getLong("shipping_discount"), currency),
                new Money(rs.getLong("seller_discount"), currency),
                new Money(rs.getLong("platform_discount"), currency),
                new SellerOrder.ShippingChoice(rs.getString("shipping_method_id"),
                        rs.getString("shipping_method_name"), rs.getDate("estimated_from").toLocalDate(),
                        rs.getDate("estimated_to").toLocalDate()),
                confirmed == null ? null : confirmed.toInstant(),
                shipped == null ? null : new SellerOrder.Shipment(rs.getString("carrier"),
                        rs.getString("tracking_number"), rs.getString("tracking_url"), shipped),
                instant(rs, "delivered_at"), instant(rs, "return_window_ends_at"));
    }

    private Header header(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency").trim();
        String cancellation = rs.getString("cancellation");
        Timestamp expires = rs.getTimestamp("reservation_expires_at");
        return new Header(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                OrderStatus.valueOf(rs.getString("status")), new Money(rs.getLong("total"), currency),
                json.readValue(rs.getString("address"), DeliveryAddress.class),
                new PaymentChoice(PaymentProvider.valueOf(rs.getString("payment_provider")),
                        new Money(rs.getLong("cash_on_delivery"), currency)),
                json.readValue(rs.getString("coupons"), COUPONS), json.readValue(rs.getString("payments"), PAYMENTS),
                json.readValue(rs.getString("timeline"), TIMELINE),
                rs.getTimestamp("payment_deadline").toInstant(), expires == null ? null : expires.toInstant(),
                cancellation == null ? null : json.readValue(cancellation, Cancellation.class),
                rs.getLong("version"), rs.getTimestamp("placed_at").toInstant());
    }

    private record Header(UUID id, UUID customerId, OrderStatus status, Money total, DeliveryAddress address,
                          PaymentChoice payment, List<Discounts.AppliedCoupon> coupons, List<PaymentFact> payments,
                          List<TimelineEntry> timeline, Instant deadline, Instant expiresAt,
                          Cancellation cancellation, long version, Instant placedAt) {

        Order toOrder(List<SellerOrder> parts) {
            return new Order(id, customerId, status, total, parts, address, payment, coupons, payments, timeline,
                    deadline, expiresAt, cancellation, version, placedAt);
        }
    }
}
