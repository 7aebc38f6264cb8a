package io.haat.platform.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.haat.platform.messaging.TransientFailures;

/**
 * Records how a claimed request ended without holding its answer hostage to the database.
 * <ul>
 * <li>A failed request's claim is released in the background: the answer (a 5xx, often 503 because the database is
 * gone) goes out at once instead of after another wait for a connection. A retry that comes first waits for the
 * release like any duplicate of a running request.</li>
 * <li>A finished request's answer is stored before it is sent, so a retry after it always replays it. If the store
 * fails because the database is gone, it is kept trying in the background: a retry then replays the answer once the
 * database is back, instead of getting 409 "in progress" until the claim is abandoned.</li>
 * </ul>
 * Background attempts back off from 200 ms to 5 s and stop once the claim counts as abandoned (another request may
 * then take the key over; the store only ever touches the claim it was given). They are lost if the instance stops;
 * the claim is then abandoned after {@code in-progress-timeout}, as after a crash.
 */
final class ClaimOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ClaimOutcomes.class);
    static final Duration FIRST_RETRY = Duration.ofMillis(200);
    static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final IdempotencyKeyStore store;
    private final Duration abandonedAfter;

    ClaimOutcomes(IdempotencyKeyStore store, Duration abandonedAfter) {
        this.store = store;
        this.abandonedAfter = abandonedAfter;
    }

    /** The claim a request made: {@code claimedAt} tells it apart from a later claim of the same key. */
    record Claim(String scope, String key, OffsetDateTime claimedAt) {
    }

    /** The request failed: free its key for a retry, in the background. */
    void release(Claim claim) {
        inBackground(claim, "release", () -> store.release(claim.scope(), claim.key(), claim.claimedAt()));
    }

    /** The request is answered: store its answer now, or in the background if the database is unavailable. */
    void complete(Claim claim, StoredResponse response) {
        BooleanSupplier attempt = () -> store.complete(claim.scope(), claim.key(), claim.claimedAt(), response);
        try {
            settled(claim, "completion", attempt.getAsBoolean());
        } catch (RuntimeException e) {
            if (!TransientFailures.isTransient(e)) {
                // the effect already happened; a retry gets 409 until the claim is abandoned, not a second effect
                log.error("Could not record the outcome of Idempotency-Key {}", claim.key(), e);
                return;
            }
            log.warn("Could not store the answer of Idempotency-Key {} now ({}); trying again in the background",
                    claim.key(), e.toString());
            inBackground(claim, "completion", attempt);
        }
    }

    private void inBackground(Claim claim, String what, BooleanSupplier attempt) {
        Thread.ofVirtual().name("idempotency-" + what).start(() -> retry(claim, what, attempt));
    }

    private void retry(Claim claim, String what, BooleanSupplier attempt) {
        Instant abandoned = claim.claimedAt().toInstant().plus(abandonedAfter);
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                settled(claim, what, attempt.getAsBoolean());
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    log.error("Could not record the {} of Idempotency-Key {}", what, claim.key(), e);
                    return;
                }
                if (Instant.now().plus(wait).isAfter(abandoned)) {
                    log.warn("Gave up the {} of Idempotency-Key {}: the database stayed unavailable until the claim"
                            + " counts as abandoned ({})", what, claim.key(), e.toString());
                    return;
                }
                log.debug("The {} of Idempotency-Key {} failed, again in {}: {}", what, claim.key(), wait, e.toString());
            }
            LockSupport.parkNanos(wait.toNanos());
            wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
        }
    }

    private static void settled(Claim claim, String what, boolean applied) {
        if (!applied) {
            log.warn("The {} of Idempotency-Key {} found its claim gone (abandoned and taken over)", what, claim.key());
        }
    }
}
