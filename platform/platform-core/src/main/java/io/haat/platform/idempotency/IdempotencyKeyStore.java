package io.haat.platform.idempotency;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code idempotency_key} table (PostgreSQL). Each call is its own short transaction. */
public class IdempotencyKeyStore {

    private final JdbcClient jdbc;

    public IdempotencyKeyStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Claims {@code (scope, key)} for a new request; also takes over a row that has expired or whose
     * claimant has been IN_PROGRESS longer than {@code abandonedAfter}. Atomic: of concurrent claimants
     * exactly one gets the claim, identified by the time it was made ({@code created_at}): {@link #complete} and
     * {@link #release} touch that claim only, never a later one that took over the key once it was abandoned.
     */
    public Optional<OffsetDateTime> claim(String scope, String key, String method, String path, String requestHash,
            Duration ttl, Duration abandonedAfter) {
        return jdbc.sql("""
                INSERT INTO idempotency_key (scope, key, request_method, request_path, request_hash, status,
                                             created_at, expires_at)
                VALUES (:scope, :key, :method, :path, :hash, 'IN_PROGRESS', now(), now() + :ttlMs * INTERVAL '1 millisecond')
                ON CONFLICT (scope, key) DO UPDATE
                   SET request_method = EXCLUDED.request_method, request_path = EXCLUDED.request_path,
                       request_hash = EXCLUDED.request_hash, status = 'IN_PROGRESS', response_status = NULL,
                       response_headers = NULL, response_body = NULL, created_at = now(),
                       expires_at = EXCLUDED.expires_at
                 WHERE idempotency_key.expires_at < now()
                    OR (idempotency_key.status = 'IN_PROGRESS'
                        AND idempotency_key.created_at < now() - :abandonedMs * INTERVAL '1 millisecond')
                RETURNING created_at
                """)
                .param("scope", scope).param("key", key).param("method", method).param("path", path)
                .param("hash", requestHash).param("ttlMs", ttl.toMillis()).param("abandonedMs", abandonedAfter.toMillis())
                .query((rs, n) -> rs.getObject("created_at", OffsetDateTime.class))
                .optional();
    }

    /** The live (unexpired) record of a key. */
    Optional<IdempotencyRecord> find(String scope, String key) {
        return jdbc.sql("""
                SELECT request_hash, status, response_status, response_headers, response_body
                  FROM idempotency_key
                 WHERE scope = :scope AND key = :key AND expires_at >= now()
                """)
                .param("scope", scope).param("key", key)
                .query((rs, n) -> {
                    IdempotencyRecord.Status status = IdempotencyRecord.Status.valueOf(rs.getString("status"));
                    StoredResponse response = status == IdempotencyRecord.Status.COMPLETED
                            ? new StoredResponse(rs.getInt("response_status"),
                                    StoredResponse.parseHeaders(rs.getString("response_headers")),
                                    rs.getBytes("response_body"))
                            : null;
                    return new IdempotencyRecord(rs.getString("request_hash").trim(), status, response);
                })
                .optional();
    }

    /** Stores the response of the claim made at {@code claimedAt}; false if that claim is no longer there. */
    boolean complete(String scope, String key, OffsetDateTime claimedAt, StoredResponse response) {
        return jdbc.sql("""
                UPDATE idempotency_key
                   SET status = 'COMPLETED', response_status = :status, response_headers = :headers,
                       response_body = :body
                 WHERE scope = :scope AND key = :key AND status = 'IN_PROGRESS' AND created_at = :claimedAt
                """)
                .param("status", response.status()).param("headers", response.headersText())
                .param("body", response.body()).param("scope", scope).param("key", key)
                .param("claimedAt", claimedAt)
                .update() == 1;
    }

    /** Forgets the unfinished claim made at {@code claimedAt} (the request failed), so that a retry can run. */
    boolean release(String scope, String key, OffsetDateTime claimedAt) {
        return jdbc.sql("""
                DELETE FROM idempotency_key
                 WHERE scope = :scope AND key = :key AND status = 'IN_PROGRESS' AND created_at = :claimedAt
                """)
                .param("scope", scope).param("key", key).param("claimedAt", claimedAt)
                .update() == 1;
    }

    /** Rows deleted per purge transaction. */
    static final int PURGE_BATCH = 1_000;

    /**
     * Deletes expired keys, batch by batch (each a short transaction of its own; rows another instance is purging,
     * or a request is taking over, are skipped: {@code FOR UPDATE SKIP LOCKED}); returns how many. A key inside its
     * TTL is never touched, so a retry within it is still answered from the stored response.
     */
    public int purgeExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                    DELETE FROM idempotency_key WHERE ctid IN (
                        SELECT ctid FROM idempotency_key WHERE expires_at < now()
                         LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                    .param("batch", PURGE_BATCH).update();
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }
}
