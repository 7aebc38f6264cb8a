package io.haat.payment.payment;

import io.haat.events.Money;
import io.haat.events.orders.RefundRequested;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Refund requests of returns and disputes (table {@code refund_request}), recorded once per request id. */
@Repository
class RefundRequestRepository {

    /** A recorded request: ACCEPTED (its refunds are in {@code payment_refund}) or FAILED (nothing refunded). */
    record Recorded(String requestId, String orderId, String customerId, Money amount, RefundReason reason,
                    List<SellerOrderRefund> sellerOrders, String status, String failure, Instant requestedAt,
                    Instant recordedAt) {
    }

    private static final TypeReference<List<SellerOrderRefund>> PARTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RefundRequestRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records the request; false if one with its id was recorded before (nothing written). */
    boolean insert(RefundRequested request, String failure, Instant at) {
        return jdbc.sql("""
                        INSERT INTO refund_request (request_id, order_id, customer_id, currency, amount_minor, reason,
                                                    seller_orders, status, failure, requested_at, recorded_at)
                        VALUES (:id, :order, :customer, :currency, :amount, :reason, CAST(:parts AS jsonb), :status,
                                :failure, :requestedAt, :at)
                        ON CONFLICT (request_id) DO NOTHING""")
                .param("id", request.requestId()).param("order", request.orderId())
                .param("customer", request.customerId()).param("currency", request.amount().currency())
                .param("amount", request.amount().amountMinor()).param("reason", request.reason().name())
                .param("parts", json.writeValueAsString(request.sellerOrders()))
                .param("status", failure == null ? "ACCEPTED" : "FAILED").param("failure", failure)
                .param("requestedAt", Timestamp.from(request.at())).param("at", Timestamp.from(at))
                .update() == 1;
    }

    Optional<Recorded> find(String requestId) {
        return jdbc.sql("SELECT * FROM refund_request WHERE request_id = :id").param("id", requestId)
                .query(this::map).optional();
    }

    /** The refunds recorded for a request, oldest first. */
    List<String> refundIds(String requestId) {
        return jdbc.sql("SELECT id FROM payment_refund WHERE request_id = :id ORDER BY created_at, id")
                .param("id", requestId).query(String.class).list();
    }

    List<Recorded> page(String status, long offset, int limit) {
        return jdbc.sql("""
                        SELECT * FROM refund_request WHERE (CAST(:status AS text) IS NULL OR status = :status)
                        ORDER BY recorded_at DESC, request_id LIMIT :limit OFFSET :offset""")
                .param("status", status).param("limit", limit).param("offset", offset).query(this::map).list();
    }

    long count(String status) {
        return jdbc.sql("SELECT count(*) FROM refund_request WHERE (CAST(:status AS text) IS NULL OR status = :status)")
                .param("status", status).query(Long.class).single();
    }

    private Recorded map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency").trim();
        return new Recorded(rs.getString("request_id"), rs.getString("order_id"), rs.getString("customer_id"),
                new Money(rs.getLong("amount_minor"), currency), RefundReason.valueOf(rs.getString("reason")),
                json.readValue(rs.getString("seller_orders"), PARTS), rs.getString("status"), rs.getString("failure"),
                rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("recorded_at").toInstant());
    }
}
