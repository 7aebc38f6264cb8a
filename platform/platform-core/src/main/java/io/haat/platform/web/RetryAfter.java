package io.haat.platform.web;

import java.time.Duration;

/** The whole seconds a client is told to wait ({@code Retry-After}): rounded up, at least 1. */
final class RetryAfter {

    /** Extension member carrying the same wait in the problem body, for clients that do not read headers. */
    static final String PROPERTY = "retryAfterSeconds";

    private RetryAfter() {
    }

    static long seconds(Duration wait) {
        if (wait == null || wait.isNegative() || wait.isZero()) {
            return 1;
        }
        long millis = wait.toMillis();
        return Math.max(1, millis / 1000 + (millis % 1000 == 0 ? 0 : 1));
    }
}
