package io.haat.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.haat.platform.web.testapp.PlatformWebIntegrationTest;

/** {@code @Idempotent} endpoints against real PostgreSQL: one effect per key, whatever the retries. */
class IdempotencyKeyTest extends PlatformWebIntegrationTest {

    private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    private static final String BOB = "b0b00000-0000-4000-8000-000000000002";
    private static final String HASH = "0".repeat(64);

    @Autowired
    private DataSource dataSource;
    @Autowired
    private IdempotencyKeyPurger purger;
    @Autowired
    private IdempotencyKeyStore store;

    @Test
    void sameKeyAndBodyReplaysTheFirstResponseAndTheEffectHappensOnce() {
        String reference = reference();
        String body = order(reference);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post("/test/orders", token(ALICE), body, "Idempotency-Key", key);
        HttpResponse<String> second = post("/test/orders", token(ALICE), body, "Idempotency-Key", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location")).isPresent();
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
        assertThat(effects(reference)).isEqualTo(1);
    }

    @Test
    void sameKeyWithADifferentBodyIs422() {
        String key = UUID.randomUUID().toString();
        String reference = reference();
        assertThat(post("/test/orders", token(ALICE), order(reference), "Idempotency-Key", key).statusCode()).isEqualTo(201);

        HttpResponse<String> reused = post("/test/orders", token(ALICE), order(reference + "-changed"), "Idempotency-Key", key);

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(reused)).containsEntry("type", "https://haat.io/problems/idempotency-key-reused");
        assertThat(effects(reference + "-changed")).isZero();
    }

    @Test
    void concurrentDuplicatesHaveExactlyOneEffect() throws Exception {
        String reference = "slow-" + reference();
        String body = order(reference);
        String key = UUID.randomUUID().toString();
        String token = token(ALICE);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                Callable<HttpResponse<String>> call = () -> {
                    start.await();
                    return post("/test/orders", token, body, "Idempotency-Key", key);
                };
                futures.add(executor.submit(call));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }

            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
            assertThat(responses).extracting(HttpResponse::body).containsOnly(responses.getFirst().body());
            assertThat(responses).filteredOn(r -> r.headers().firstValue("Idempotent-Replayed").isPresent())
                    .hasSize(threads - 1);
        }
        assertThat(effects(reference)).isEqualTo(1);
    }

    @Test
    void keysAreScopedToTheCaller() {
        String key = UUID.randomUUID().toString();
        String reference = reference();

        HttpResponse<String> alice = post("/test/orders", token(ALICE), order(reference), "Idempotency-Key", key);
        HttpResponse<String> bob = post("/test/orders", token(BOB), order(reference), "Idempotency-Key", key);

        assertThat(alice.statusCode()).isEqualTo(201);
        assertThat(bob.statusCode()).isEqualTo(201);
        assertThat(bob.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(bob.body()).isNotEqualTo(alice.body());
        assertThat(effects(reference)).isEqualTo(2);
    }

    @Test
    void withoutAKeyAnOptionalEndpointRunsEveryTime() {
        String reference = reference();
        post("/test/orders", token(ALICE), order(reference));
        post("/test/orders", token(ALICE), order(reference));

        assertThat(effects(reference)).isEqualTo(2);
    }

    @Test
    void aRequiredKeyThatIsMissingIs400() {
        String reference = reference();
        HttpResponse<String> response = post("/test/payments", token(ALICE), order(reference));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("type", "https://haat.io/problems/idempotency-key-missing");
        assertThat(effects(reference)).isZero();
        assertThat(post("/test/payments", token(ALICE), order(reference), "Idempotency-Key", "k-" + reference)
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aServerErrorReleasesTheKeySoTheRetryRuns() {
        String reference = reference();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> failed = post("/test/flaky-orders", token(ALICE), order(reference), "Idempotency-Key", key);
        HttpResponse<String> retried = post("/test/flaky-orders", token(ALICE), order(reference), "Idempotency-Key", key);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(effects(reference)).isEqualTo(1);
    }

    @Test
    void aLateOutcomeOfAnAbandonedClaimNeverTouchesTheClaimThatTookTheKeyOver() {
        String key = UUID.randomUUID().toString();
        Duration abandonedAfter = Duration.ofMinutes(5);
        OffsetDateTime first = store.claim(ALICE, key, "POST", "/test/orders", HASH, Duration.ofHours(1), abandonedAfter)
                .orElseThrow();
        assertThat(store.claim(ALICE, key, "POST", "/test/orders", HASH, Duration.ofHours(1), abandonedAfter))
                .as("a running claim is not taken over").isEmpty();
        jdbc().sql("UPDATE idempotency_key SET created_at = created_at - INTERVAL '6 minutes' WHERE key = :key")
                .param("key", key).update();
        OffsetDateTime abandoned = first.minusMinutes(6);
        OffsetDateTime second = store.claim(ALICE, key, "POST", "/test/orders", HASH, Duration.ofHours(1), abandonedAfter)
                .orElseThrow();

        // the first request's release or answer, arriving late (e.g. retried while the database was down)
        assertThat(store.release(ALICE, key, abandoned)).isFalse();
        assertThat(store.complete(ALICE, key, abandoned, new StoredResponse(500, Map.of(), new byte[0]))).isFalse();
        assertThat(store.find(ALICE, key)).hasValueSatisfying(
                found -> assertThat(found.status()).isEqualTo(IdempotencyRecord.Status.IN_PROGRESS));

        assertThat(store.complete(ALICE, key, second, new StoredResponse(201, Map.of(), "{}".getBytes()))).isTrue();
        assertThat(store.find(ALICE, key)).hasValueSatisfying(
                found -> assertThat(found.status()).isEqualTo(IdempotencyRecord.Status.COMPLETED));
        assertThat(store.release(ALICE, key, second)).as("a completed key is kept").isFalse();
    }

    @Test
    void expiredKeysArePurgedAndCanBeUsedAgain() {
        String reference = reference();
        String key = UUID.randomUUID().toString();
        assertThat(post("/test/orders", token(ALICE), order(reference), "Idempotency-Key", key).statusCode()).isEqualTo(201);
        jdbc().sql("UPDATE idempotency_key SET expires_at = now() - INTERVAL '1 second' WHERE key = :key")
                .param("key", key).update();

        HttpResponse<String> afterExpiry = post("/test/orders", token(ALICE), order(reference), "Idempotency-Key", key);
        assertThat(afterExpiry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(effects(reference)).isEqualTo(2);

        jdbc().sql("UPDATE idempotency_key SET expires_at = now() - INTERVAL '1 second' WHERE key = :key")
                .param("key", key).update();
        assertThat(purger.purgeNow()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc().sql("SELECT count(*) FROM idempotency_key WHERE key = :key").param("key", key)
                .query(Integer.class).single()).isZero();
    }

    private String token(String subject) {
        return jwt().token(subject, "CUSTOMER");
    }

    private static String reference() {
        return "ref-" + UUID.randomUUID();
    }

    private static String order(String reference) {
        return "{\"reference\": \"" + reference + "\", \"note\": \"leave at the door\"}";
    }

    private int effects(String reference) {
        return jdbc().sql("SELECT count(*) FROM test_order WHERE reference = :reference")
                .param("reference", reference).query(Integer.class).single();
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
