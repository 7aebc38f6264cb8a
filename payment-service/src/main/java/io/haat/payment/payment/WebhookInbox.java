package io.haat.payment.payment;

import io.haat.events.payment.PaymentProvider;
import io.haat.payment.provider.Inbound;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Verified webhook notifications (table {@code webhook_inbox}), stored before the provider gets its answer and
 * settled afterwards by {@link WebhookWorker}. A notification with the provider's event id is stored once: a
 * duplicate delivery is dropped here.
 */
@Repository
public class WebhookInbox {

    /** One stored notification: which payment (by the provider's reference) to look at. */
    public record Notification(long id, PaymentProvider provider, String eventId, String type, String reference,
                               int attempts) {
    }

    private final JdbcClient jdbc;

    public WebhookInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the notification; false if the provider sent this event before. */
    public boolean store(PaymentProvider provider, Inbound.Verified verified, Instant at) {
        return jdbc.sql("""
                        INSERT INTO webhook_inbox (provider, event_id, event_type, reference, received_at, next_attempt_at)
                        VALUES (:provider, :eventId, :type, :reference, :at, :at)
                        ON CONFLICT (provider, event_id) WHERE event_id IS NOT NULL DO NOTHING""")
                .param("provider", provider.name()).param("eventId", verified.eventId())
                .param("type", verified.type()).param("reference", verified.reference())
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /**
     * Claims due notifications ({@code SKIP LOCKED}: another instance takes others) by pushing their next attempt
     * to {@code lease}, counting the attempt.
     */
    public List<Notification> claimDue(Instant now, Instant lease, int limit) {
        return jdbc.sql("""
                        UPDATE webhook_inbox SET next_attempt_at = :lease, attempts = attempts + 1 WHERE id IN (
                            SELECT id FROM webhook_inbox WHERE processed_at IS NULL AND next_attempt_at <= :now
                            ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, provider, event_id, event_type, reference, attempts""")
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(lease)).param("limit", limit)
                .query((rs, row) -> new Notification(rs.getLong("id"), PaymentProvider.valueOf(rs.getString("provider")),
                        rs.getString("event_id"), rs.getString("event_type"), rs.getString("reference"),
                        rs.getInt("attempts")))
                .list();
    }

    public void processed(long id, String outcome, Instant at) {
        jdbc.sql("UPDATE webhook_inbox SET processed_at = :at, outcome = :outcome WHERE id = :id")
                .param("id", id).param("outcome", outcome).param("at", Timestamp.from(at)).update();
    }

    public void retryAt(long id, String outcome, Instant at) {
        jdbc.sql("UPDATE webhook_inbox SET next_attempt_at = :at, outcome = :outcome WHERE id = :id")
                .param("id", id).param("outcome", outcome).param("at", Timestamp.from(at)).update();
    }
}
