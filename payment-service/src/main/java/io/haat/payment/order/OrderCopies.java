package io.haat.payment.order;

import io.haat.events.Money;
import io.haat.events.orders.OrderStatus;
import io.haat.events.orders.PaymentChoice;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.PaymentProvider;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local copies of orders (table {@code payment_order}). A copy only moves forward: a late
 * {@code OrderAwaitingPayment} fills in money fields a bare cancellation lacked but never reopens it.
 */
@Repository
public class OrderCopies {

    private static final TypeReference<List<SellerOrderTotals>> SPLIT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public OrderCopies(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<OrderCopy> find(String orderId) {
        return jdbc.sql("SELECT * FROM payment_order WHERE order_id = :id").param("id", orderId)
                .query(this::map).optional();
    }

    /** The copy, locked until the transaction ends: payments of one order are decided one at a time. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<OrderCopy> lock(String orderId) {
        return jdbc.sql("SELECT * FROM payment_order WHERE order_id = :id FOR UPDATE").param("id", orderId)
                .query(this::map).optional();
    }

    /**
     * Remembers what an event or the look-up told about an order: money fields the copy lacks are filled in,
     * the status only moves forward. Returns the copy as stored; empty when there is nothing to keep (a
     * confirmation of an order we never heard of carries no money fields).
     */
    @Transactional
    public Optional<OrderCopy> remember(OrderCopy told) {
        if ((told.known() || told.cancelled()) && insertIfAbsent(told)) {
            return Optional.of(told);
        }
        return lock(told.orderId()).map(current -> {
            OrderStatus status = OrderCopy.movesForward(current.status(), told.status())
                    ? told.status() : current.status();
            OrderCopy next = current.known() || !told.known()
                    ? new OrderCopy(current.orderId(), current.customerId(), status, current.total(),
                    current.sellerOrders(), current.payment(), current.paymentDeadline(), current.placedAt())
                    : new OrderCopy(current.orderId(), current.customerId(), status, told.total(),
                    told.sellerOrders(), told.payment(), told.paymentDeadline(), current.placedAt());
            if (!next.equals(current)) {
                update(next, told.placedAt());
            }
            return next;
        });
    }

    private boolean insertIfAbsent(OrderCopy copy) {
        return jdbc.sql("""
                        INSERT INTO payment_order (order_id, customer_id, status, currency, total_minor, seller_orders,
                                                   provider, cod_minor, payment_deadline, placed_at, updated_at)
                        VALUES (:id, :customer, :status, :currency, :total, CAST(:split AS jsonb), :provider, :cod,
                                :deadline, :at, :at)
                        ON CONFLICT (order_id) DO NOTHING""")
                .param("id", copy.orderId()).param("customer", copy.customerId())
                .param("status", copy.status().name())
                .param("currency", copy.known() ? copy.total().currency() : null)
                .param("total", copy.known() ? copy.total().amountMinor() : null)
                .param("split", copy.known() ? json.writeValueAsString(copy.sellerOrders()) : null)
                .param("provider", copy.known() ? copy.payment().provider().name() : null)
                .param("cod", copy.known() ? copy.payment().cashOnDelivery().amountMinor() : null)
                .param("deadline", copy.known() ? Timestamp.from(copy.paymentDeadline()) : null)
                .param("at", Timestamp.from(copy.placedAt())).update() == 1;
    }

    private void update(OrderCopy copy, Instant at) {
        jdbc.sql("""
                        UPDATE payment_order SET status = :status, currency = :currency, total_minor = :total,
                               seller_orders = CAST(:split AS jsonb), provider = :provider, cod_minor = :cod,
                               payment_deadline = :deadline, updated_at = :at
                        WHERE order_id = :id""")
                .param("id", copy.orderId()).param("status", copy.status().name())
                .param("currency", copy.known() ? copy.total().currency() : null)
                .param("total", copy.known() ? copy.total().amountMinor() : null)
                .param("split", copy.known() ? json.writeValueAsString(copy.sellerOrders()) : null)
                .param("provider", copy.known() ? copy.payment().provider().name() : null)
                .param("cod", copy.known() ? copy.payment().cashOnDelivery().amountMinor() : null)
                .param("deadline", copy.known() ? Timestamp.from(copy.paymentDeadline()) : null)
                .param("at", Timestamp.from(at)).update();
    }

    private OrderCopy map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        Money total = currency == null ? null : new Money(rs.getLong("total_minor"), currency);
        List<SellerOrderTotals> split = currency == null ? null : json.readValue(rs.getString("seller_orders"), SPLIT);
        PaymentChoice choice = currency == null ? null : new PaymentChoice(
                PaymentProvider.valueOf(rs.getString("provider")), new Money(rs.getLong("cod_minor"), currency));
        Timestamp deadline = rs.getTimestamp("payment_deadline");
        return new OrderCopy(rs.getString("order_id"), rs.getString("customer_id"),
                OrderStatus.valueOf(rs.getString("status")), total, split, choice,
                deadline == null ? null : deadline.toInstant(), rs.getTimestamp("placed_at").toInstant());
    }
}
