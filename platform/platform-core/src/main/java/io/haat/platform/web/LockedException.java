package io.haat.platform.web;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * 423: the resource (e.g. an account after repeated failed logins) is locked for a while; answered with
 * {@code Retry-After} (whole seconds, at least 1) and the same wait as {@code retryAfterSeconds} in the body.
 */
public non-sealed class LockedException extends ProblemException {

    private final long retryAfterSeconds;

    public LockedException(String detail, Duration retryAfter) {
        this(ProblemTypes.LOCKED.toString(), "Locked", detail, retryAfter);
    }

    /** A more specific problem of this kind, e.g. type {@code "account-locked"} (see {@link ProblemTypes#of}). */
    public LockedException(String type, String title, String detail, Duration retryAfter) {
        super(HttpStatus.LOCKED, ProblemTypes.of(type), title, detail);
        this.retryAfterSeconds = RetryAfter.seconds(retryAfter);
        setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        with(RetryAfter.PROPERTY, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
