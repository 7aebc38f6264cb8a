package io.haat.payment.payment;

import io.haat.events.Money;
import io.haat.events.payment.RefundReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refunds in PostgreSQL (table {@code payment_refund}); completed once, by a conditional UPDATE. */
@Repository
public class RefundRepository {

    private final JdbcClient jdbc;

    public RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a requested refund; false (nothing written) if one with this id exists. */
    public boolean insert(Refund refund) {
        return jdbc.sql("""
                        INSERT INTO payment_refund (id, payment_id, order_id, currency, amount_minor, reason,
                                                    seller_order_id, note, status, next_attempt_at, created_at,
                                                    request_id)
                        VALUES (:id, :paymentId, :orderId, :currency, :amount, :reason, :sellerOrderId, :note,
                                'REQUESTED', :at, :at, :requestId)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", refund.id()).param("paymentId", refund.paymentId()).param("orderId", refund.orderId())
                .param("currency", refund.amount().currency()).param("amount", refund.amount().amountMinor())
                .param("reason", refund.reason().name()).param("sellerOrderId", refund.sellerOrderId())
                .param("note", refund.note()).param("requestId", refund.requestId())
                .param("at", Timestamp.from(refund.createdAt())).update() == 1;
    }

    public Optional<Refund> find(String id) {
        return jdbc.sql("SELECT * FROM payment_refund WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public List<Refund> ofPayment(UUID paymentId) {
        return jdbc.sql("SELECT * FROM payment_refund WHERE payment_id = :id ORDER BY created_at, id")
                .param("id", paymentId).query(this::map).list();
    }

    /** The refunds carrying out a refund request, oldest first. */
    public List<Refund> ofRequest(String requestId) {
        return jdbc.sql("SELECT * FROM payment_refund WHERE request_id = :id ORDER BY created_at, id")
                .param("id", requestId).query(this::map).list();
    }

    /** What requested refunds of the payment hold back (not yet given, but no longer refundable). */
    public long inFlightMinor(UUID paymentId) {
        return jdbc.sql("SELECT coalesce(sum(amount_minor), 0) FROM payment_refund "
                        + "WHERE payment_id = :id AND status IN ('REQUESTED', 'PENDING')")
                .param("id", paymentId).query(Long.class).single();
    }

    /** What requested refunds taken from this seller order alone hold back. */
    public long inFlightForSellerOrderMinor(String sellerOrderId) {
        return jdbc.sql("SELECT coalesce(sum(amount_minor), 0) FROM payment_refund "
                        + "WHERE seller_order_id = :so AND status IN ('REQUESTED', 'PENDING')")
                .param("so", sellerOrderId).query(Long.class).single();
    }

    /**
     * Claims a requested refund for one call to the provider: pushes its next attempt to {@code lease} (another
     * worker leaves it alone meanwhile) if it is due. False if it is not requested or not due.
     */
    public boolean claim(String id, Instant now, Instant lease) {
        return jdbc.sql("""
                        UPDATE payment_refund SET next_attempt_at = :lease, attempts = attempts + 1
                        WHERE id = :id AND status IN ('REQUESTED', 'PENDING') AND next_attempt_at <= :now""")
                .param("id", id).param("now", Timestamp.from(now)).param("lease", Timestamp.from(lease)).update() == 1;
    }

    /** Requested refunds due for (another) call to the provider. */
    public List<String> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM payment_refund WHERE status IN ('REQUESTED', 'PENDING') AND next_attempt_at <= :now
                        ORDER BY next_attempt_at LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(String.class).list();
    }

    /**
     * The provider accepted the refund and settles it later: PENDING with its refund id, asked again at {@code at}.
     * False if it had ended already.
     */
    public boolean pending(String id, String providerRefundId, Instant at) {
        return jdbc.sql("""
                        UPDATE payment_refund SET status = 'PENDING', provider_refund_id = :providerRefundId,
                               next_attempt_at = :at
                        WHERE id = :id AND status IN ('REQUESTED', 'PENDING')""")
                .param("id", id).param("providerRefundId", providerRefundId).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Ends a requested or pending refund; false if it had ended already (then nothing changes). */
    public boolean complete(String id, Refund.Status status, String providerRefundId, String failure, Instant at) {
        return jdbc.sql("""
                        UPDATE payment_refund SET status = :status, provider_refund_id = :providerRefundId,
                               failure = :failure, completed_at = :at
                        WHERE id = :id AND status IN ('REQUESTED', 'PENDING')""")
                .param("id", id).param("status", status.name()).param("providerRefundId", providerRefundId)
                .param("failure", failure).param("at", Timestamp.from(at)).update() == 1;
    }

    /** A retryable failure: ask again at {@code at}. */
    public void retryAt(String id, String failure, Instant at) {
        jdbc.sql("UPDATE payment_refund SET next_attempt_at = :at, failure = :failure WHERE id = :id AND status IN ('REQUESTED', 'PENDING')")
                .param("id", id).param("failure", failure).param("at", Timestamp.from(at)).update();
    }

    private Refund map(ResultSet rs, int row) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Refund(rs.getString("id"), rs.getObject("payment_id", UUID.class), rs.getString("order_id"),
                new Money(rs.getLong("amount_minor"), rs.getString("currency").trim()),
                RefundReason.valueOf(rs.getString("reason")), rs.getString("seller_order_id"), rs.getString("note"),
                Refund.Status.valueOf(rs.getString("status")), rs.getString("provider_refund_id"),
                rs.getString("failure"), rs.getTimestamp("created_at").toInstant(),
                completed == null ? null : completed.toInstant(), rs.getString("request_id"));
    }
}
