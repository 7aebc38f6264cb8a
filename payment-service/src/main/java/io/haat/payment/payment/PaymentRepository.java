package io.haat.payment.payment;

import io.haat.events.Money;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.PaymentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payments in PostgreSQL (table {@code payment}); a change is one UPDATE conditional on the loaded version. */
@Repository
public class PaymentRepository {

    private final JdbcClient jdbc;

    public PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Payment payment, Instant nextCheckAt) {
        jdbc.sql("""
                        INSERT INTO payment (id, order_id, customer_id, attempt, provider, status, currency, amount_minor,
                                             captured_minor, refunded_minor, provider_reference, created_at, settle_by,
                                             next_check_at, updated_at, version)
                        VALUES (:id, :orderId, :customerId, :attempt, :provider, :status, :currency, :amount, 0, 0,
                                :reference, :createdAt, :settleBy, :nextCheckAt, :createdAt, :version)""")
                .param("id", payment.id()).param("orderId", payment.orderId())
                .param("customerId", payment.customerId()).param("attempt", payment.attempt())
                .param("provider", payment.provider().name()).param("status", payment.status().name())
                .param("currency", payment.amount().currency()).param("amount", payment.amount().amountMinor())
                .param("reference", payment.providerReference())
                .param("createdAt", Timestamp.from(payment.createdAt()))
                .param("settleBy", Timestamp.from(payment.settleBy()))
                .param("nextCheckAt", Timestamp.from(nextCheckAt)).param("version", payment.version()).update();
    }

    /** Stores {@code after} if the row is still as {@code before} was loaded. */
    public void save(Payment before, Payment after, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE payment SET status = :status, captured_minor = :captured, refunded_minor = :refunded,
                               provider_reference = :reference, failure_reason = :reason, failure_message = :message,
                               captured_at = :capturedAt, updated_at = :at, version = :version
                        WHERE id = :id AND version = :expected""")
                .param("id", after.id()).param("status", after.status().name())
                .param("captured", after.capturedMinor()).param("refunded", after.refundedMinor())
                .param("reference", after.providerReference())
                .param("reason", after.failureReason() == null ? null : after.failureReason().name())
                .param("message", after.failureMessage())
                .param("capturedAt", after.capturedAt() == null ? null : Timestamp.from(after.capturedAt()))
                .param("at", Timestamp.from(at)).param("version", after.version())
                .param("expected", before.version()).update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("payment " + after.id() + " changed since it was loaded");
        }
    }

    /** Remembers what the provider asked the client to do, to answer the payment again. */
    public void saveAction(UUID id, String actionJson) {
        jdbc.sql("UPDATE payment SET action = CAST(:action AS jsonb) WHERE id = :id")
                .param("id", id).param("action", actionJson).update();
    }

    public Optional<String> action(UUID id) {
        return jdbc.sql("SELECT action::text FROM payment WHERE id = :id AND action IS NOT NULL").param("id", id)
                .query(String.class).optional();
    }

    public Optional<Payment> find(UUID id) {
        return jdbc.sql("SELECT * FROM payment WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** The payment, locked until the transaction ends. */
    public Optional<Payment> lock(UUID id) {
        return jdbc.sql("SELECT * FROM payment WHERE id = :id FOR UPDATE").param("id", id).query(this::map)
                .optional();
    }

    public Optional<Payment> findByReference(PaymentProvider provider, String reference) {
        return jdbc.sql("SELECT * FROM payment WHERE provider = :provider AND provider_reference = :reference")
                .param("provider", provider.name()).param("reference", reference).query(this::map).optional();
    }

    /** An order's payments, attempt by attempt. */
    public List<Payment> ofOrder(String orderId) {
        return jdbc.sql("SELECT * FROM payment WHERE order_id = :orderId ORDER BY attempt")
                .param("orderId", orderId).query(this::map).list();
    }

    public int nextAttempt(String orderId) {
        return jdbc.sql("SELECT coalesce(max(attempt), 0) + 1 FROM payment WHERE order_id = :orderId")
                .param("orderId", orderId).query(Integer.class).single();
    }

    /**
     * Pending payments whose next check is due, locked ({@code SKIP LOCKED}: another instance takes others) and
     * pushed back by {@code lease} so that they are not asked again while this check runs.
     */
    public List<UUID> claimDueChecks(Instant now, Instant lease, int limit) {
        return jdbc.sql("""
                        UPDATE payment SET next_check_at = :lease WHERE id IN (
                            SELECT id FROM payment WHERE status = 'PENDING' AND next_check_at <= :now
                            ORDER BY next_check_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(lease)).param("limit", limit)
                .query(UUID.class).list();
    }

    public void nextCheck(UUID id, Instant at) {
        jdbc.sql("UPDATE payment SET next_check_at = :at WHERE id = :id").param("id", id)
                .param("at", Timestamp.from(at)).update();
    }

    private Payment map(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("failure_reason");
        Timestamp capturedAt = rs.getTimestamp("captured_at");
        return new Payment(rs.getObject("id", UUID.class), rs.getString("order_id"), rs.getString("customer_id"),
                rs.getInt("attempt"), PaymentProvider.valueOf(rs.getString("provider")),
                PaymentStatus.valueOf(rs.getString("status")),
                new Money(rs.getLong("amount_minor"), rs.getString("currency").trim()), rs.getLong("captured_minor"),
                rs.getLong("refunded_minor"), rs.getString("provider_reference"),
                reason == null ? null : PaymentFailureReason.valueOf(reason), rs.getString("failure_message"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("settle_by").toInstant(),
                capturedAt == null ? null : capturedAt.toInstant(), rs.getLong("version"));
    }
}
