package io.haat.platform.messaging.outbox;

import io.haat.events.EventEnvelope;
import java.sql.Array;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of the {@code outbox} table (PostgreSQL). Every method runs in the caller's transaction. */
public class OutboxRepository {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    // Claims due rows with SKIP LOCKED, so concurrent relays never claim the same row, and flags a
    // row whose key still has an earlier unsent row outside this batch: sending it now could
    // overtake that row. MATERIALIZED: the claimed set is computed (and locked) exactly once.
    private static final String CLAIM = """
            WITH claimed AS MATERIALIZED (
                SELECT id, seq, topic, message_key, payload, headers, attempts
                FROM outbox
                WHERE sent_at IS NULL AND next_attempt_at <= now()
                ORDER BY seq
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            SELECT c.id, c.topic, c.message_key, c.payload::text AS payload, c.headers::text AS headers,
                   c.attempts,
                   EXISTS (SELECT 1 FROM outbox e
                           WHERE e.sent_at IS NULL AND e.topic = c.topic AND e.message_key = c.message_key
                             AND e.seq < c.seq AND e.id NOT IN (SELECT id FROM claimed)) AS blocked
            FROM claimed c
            ORDER BY c.seq""";

    private final JdbcTemplate jdbc;
    private final JsonMapper jsonMapper;

    public OutboxRepository(JdbcTemplate jdbc, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
    }

    /** Stores an event to publish; {@code envelopeJson} is the message value. */
    public void insert(String topic, EventEnvelope<?> envelope, String envelopeJson, Map<String, String> headers) {
        jdbc.update("""
                INSERT INTO outbox (id, topic, message_key, event_type, aggregate_id, aggregate_version,
                                    payload, headers)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""",
                envelope.eventId(), topic, envelope.aggregateId(), envelope.type(), envelope.aggregateId(),
                envelope.aggregateVersion(), envelopeJson, jsonMapper.writeValueAsString(headers));
    }

    /** Locks up to {@code limit} due, unsent rows that no other transaction holds, oldest first. */
    public List<OutboxMessage> claimBatch(int limit) {
        RowMapper<OutboxMessage> mapper = (rs, i) -> new OutboxMessage(
                rs.getObject("id", UUID.class), rs.getString("topic"), rs.getString("message_key"),
                rs.getString("payload"), jsonMapper.readValue(rs.getString("headers"), HEADERS),
                rs.getInt("attempts"), rs.getBoolean("blocked"));
        return jdbc.query(CLAIM, mapper, limit);
    }

    public void markSent(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement("UPDATE outbox SET sent_at = now(), last_error = NULL WHERE id = ANY (?)");
            Array array = con.createArrayOf("uuid", ids.toArray());
            ps.setArray(1, array);
            return ps;
        });
    }

    public void markFailed(UUID id, String error, Duration retryAfter) {
        jdbc.update("""
                UPDATE outbox
                SET attempts = attempts + 1, last_error = ?,
                    next_attempt_at = now() + ? * interval '1 millisecond'
                WHERE id = ?""", error, retryAfter.toMillis(), id);
    }

    /** Deletes rows sent longer than {@code retention} ago, in chunks so no statement holds many locks. */
    public int deleteSentOlderThan(Duration retention) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("""
                    DELETE FROM outbox WHERE id IN (
                        SELECT id FROM outbox
                        WHERE sent_at < now() - ? * interval '1 millisecond'
                        LIMIT 5000)""", retention.toMillis());
            total += deleted;
        } while (deleted == 5000);
        return total;
    }
}
