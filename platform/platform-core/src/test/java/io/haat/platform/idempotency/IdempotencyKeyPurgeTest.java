package io.haat.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.platform.web.testapp.PlatformWebIntegrationTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Idempotency-Key purge: expired keys go, batch by batch; a live key keeps replaying; a locked row is skipped. */
class IdempotencyKeyPurgeTest extends PlatformWebIntegrationTest {

    private static final String CAROL = "c4401000-0000-4000-8000-000000000003";

    @Autowired
    private DataSource dataSource;
    @Autowired
    private IdempotencyKeyPurger purger;

    @Test
    void aKeyInsideItsTtlSurvivesThePurgeAndStillReplaysItsResponse() {
        String key = UUID.randomUUID().toString();
        String body = "{\"reference\": \"ref-%s\"}".formatted(UUID.randomUUID());
        HttpResponse<String> first = post("/test/orders", jwt().token(CAROL, "CUSTOMER"), body, "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

        purger.purgeNow();

        HttpResponse<String> retried = post("/test/orders", jwt().token(CAROL, "CUSTOMER"), body, "Idempotency-Key", key);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retried.body()).isEqualTo(first.body());
    }

    @Test
    void moreExpiredKeysThanOneBatchAreAllPurged() {
        String scope = "purge-" + UUID.randomUUID();
        expired(scope, IdempotencyKeyStore.PURGE_BATCH + 7);

        assertThat(purger.purgeNow()).isGreaterThanOrEqualTo(IdempotencyKeyStore.PURGE_BATCH + 7);

        assertThat(count(scope)).isZero();
    }

    @Test
    void anExpiredKeyLockedByAnotherTransactionIsSkippedNotWaitedFor() throws Exception {
        String scope = "locked-" + UUID.randomUUID();
        expired(scope, 3);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "SELECT key FROM idempotency_key WHERE scope = ? AND key = 'k-0' FOR UPDATE")) {
                lock.setString(1, scope);
                lock.executeQuery().close();
            }

            purger.purgeNow(); // returns although one row is locked

            assertThat(count(scope)).as("the locked row only").isEqualTo(1);
            other.commit();
        }
        purger.purgeNow();
        assertThat(count(scope)).isZero();
    }

    private void expired(String scope, int keys) {
        jdbc().sql("""
                INSERT INTO idempotency_key (scope, key, request_method, request_path, request_hash, status, expires_at)
                SELECT :scope, 'k-' || n, 'POST', '/test', repeat('0', 64), 'IN_PROGRESS', now() - INTERVAL '1 minute'
                  FROM generate_series(0, :last) AS n""")
                .param("scope", scope).param("last", keys - 1).update();
    }

    private long count(String scope) {
        return jdbc().sql("SELECT count(*) FROM idempotency_key WHERE scope = :scope").param("scope", scope)
                .query(Long.class).single();
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
