package io.haat.platform.web;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * 429: this client sent too much (requests, mails, codes, attempts); answered with {@code Retry-After} (whole
 * seconds, at least 1) and the same wait as {@code retryAfterSeconds} in the body.
 */
public non-sealed class TooManyRequestsException extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        this(ProblemTypes.TOO_MANY_REQUESTS.toString(), "Too many requests", detail, retryAfter);
    }

    /** A more specific problem of this kind, e.g. type {@code "phone-code-throttled"} (see {@link ProblemTypes#of}). */
    public TooManyRequestsException(String type, String title, String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.of(type), title, detail);
        this.retryAfterSeconds = RetryAfter.seconds(retryAfter);
        setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        with(RetryAfter.PROPERTY, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
