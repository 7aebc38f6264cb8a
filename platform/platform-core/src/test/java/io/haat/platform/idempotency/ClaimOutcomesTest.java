package io.haat.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** How a claim's outcome is recorded when the database is gone: never on the answer's time, never lost. */
class ClaimOutcomesTest {

    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    private static final StoredResponse CREATED = new StoredResponse(201, Map.of(), "{}".getBytes());

    /**
     * A store whose database answers after {@code failures} attempts, each failing like Hikari's wait for a
     * connection; every attempt first waits until {@code reachable} opens, as a call waits for the pool.
     */
    private static final class UnavailableStore extends IdempotencyKeyStore {
        private final int failures;
        private final RuntimeException failure;
        private final CountDownLatch reachable;
        final AtomicInteger releases = new AtomicInteger();
        final AtomicInteger completions = new AtomicInteger();

        UnavailableStore(int failures, RuntimeException failure, CountDownLatch reachable) {
            super(new DriverManagerDataSource());
            this.failures = failures;
            this.failure = failure;
            this.reachable = reachable;
        }

        UnavailableStore(int failures, RuntimeException failure) {
            this(failures, failure, new CountDownLatch(0));
        }

        @Override
        boolean release(String scope, String key, OffsetDateTime claimedAt) {
            return attempt(releases);
        }

        @Override
        boolean complete(String scope, String key, OffsetDateTime claimedAt, StoredResponse response) {
            return attempt(completions);
        }

        private boolean attempt(AtomicInteger attempts) {
            try {
                reachable.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (attempts.incrementAndGet() <= failures) {
                throw failure;
            }
            return true;
        }
    }

    private static RuntimeException databaseGone() {
        return new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
    }

    private static ClaimOutcomes.Claim claim(OffsetDateTime claimedAt) {
        return new ClaimOutcomes.Claim("alice", "key-1", claimedAt);
    }

    @Test
    void aFailedRequestsClaimIsReleasedInTheBackgroundUntilTheDatabaseTakesIt() {
        CountDownLatch gone = new CountDownLatch(1);
        UnavailableStore store = new UnavailableStore(3, databaseGone(), gone);

        // the answer is not held while the store waits for a connection
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> new ClaimOutcomes(store, ABANDONED_AFTER).release(claim(OffsetDateTime.now())));
        gone.countDown();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.releases).hasValue(4));
    }

    @Test
    void anAnswerTheDatabaseCannotTakeNowIsStoredOnceItIsBack() {
        UnavailableStore store = new UnavailableStore(2, databaseGone());

        new ClaimOutcomes(store, ABANDONED_AFTER).complete(claim(OffsetDateTime.now()), CREATED);

        assertThat(store.completions).as("the first attempt is made before the answer goes out").hasPositiveValue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.completions).hasValue(3));
    }

    @Test
    void aFailureThatIsNotTheDatabaseBeingGoneIsNotRetried() {
        UnavailableStore store = new UnavailableStore(1, new IllegalStateException("a bug"));

        new ClaimOutcomes(store, ABANDONED_AFTER).complete(claim(OffsetDateTime.now()), CREATED);

        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(store.completions).hasValue(1));
    }

    @Test
    void theBackgroundGivesUpOnceTheClaimCountsAsAbandoned() {
        UnavailableStore store = new UnavailableStore(Integer.MAX_VALUE, databaseGone());

        // claimed so long ago that the next try would come after another request may have taken the key over
        new ClaimOutcomes(store, ABANDONED_AFTER).release(claim(OffsetDateTime.now().minus(ABANDONED_AFTER)));

        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(store.releases).hasValue(1));
    }
}
