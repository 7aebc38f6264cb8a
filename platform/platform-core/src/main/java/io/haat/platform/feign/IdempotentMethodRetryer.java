package io.haat.platform.feign;

import java.time.Clock;

import feign.Request;
import feign.RetryableException;
import feign.Retryer;

/**
 * Retries a Feign call only when repeating it cannot repeat an effect: GET and HEAD, after an I/O error
 * or a 502/503/504. POST, PUT, PATCH and DELETE are never retried here (a read timeout does not say
 * whether the server acted); callers that need it make those calls idempotent with an Idempotency-Key
 * and retry themselves. Backoff doubles from {@code period} up to {@code maxPeriod}; a {@code Retry-After} up to
 * {@code maxPeriod} is waited for, a longer one ends the retries at once, and so does a timeout.
 */
public class IdempotentMethodRetryer implements Retryer {

    private final int maxAttempts;
    private final long period;
    private final long maxPeriod;
    private final Clock clock;
    private int attempt = 1;

    /** @param clock reads how long a {@code Retry-After} (an epoch time in Feign) still asks to wait */
    public IdempotentMethodRetryer(int maxAttempts, long periodMillis, long maxPeriodMillis, Clock clock) {
        this.maxAttempts = maxAttempts;
        this.period = periodMillis;
        this.maxPeriod = maxPeriodMillis;
        this.clock = clock;
    }

    static boolean isRetryable(Request.HttpMethod method) {
        return method == Request.HttpMethod.GET || method == Request.HttpMethod.HEAD;
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        if (!isRetryable(e.method()) || attempt >= maxAttempts || timedOut(e)) {
            // give up with the typed exception when there is one (a 5xx), not Feign's wrapper
            if (e.getCause() instanceof RemoteServiceException remote) {
                throw remote;
            }
            throw e;
        }
        long backoff = Math.min(maxPeriod, period * (1L << (attempt - 1)));
        if (e.retryAfter() != null) {
            long asked = Math.max(0, e.retryAfter() - clock.millis());
            if (asked > maxPeriod) {
                // the service asked for more time than this call may wait (its database is restarting: Retry-After 5):
                // trying sooner goes against what it said and only stretches our own answer past the gateway's
                // timeout, layer upon layer; the caller gets the 503 now and may repeat the whole request later
                throw e.getCause() instanceof RemoteServiceException remote ? remote : e;
            }
            backoff = asked;
        }
        attempt++;
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /**
     * The call timed out (Feign's read timeout, 5 s, or its connect timeout): it already spent most of what the caller
     * may wait, and asking again would take as long again, past the gateway's 10 s timeout (seen while a downstream
     * waited for a connection to its restarting database). Only quick failures are retried.
     */
    private static boolean timedOut(RetryableException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Retryer clone() {
        return new IdempotentMethodRetryer(maxAttempts, period, maxPeriod, clock);
    }
}
