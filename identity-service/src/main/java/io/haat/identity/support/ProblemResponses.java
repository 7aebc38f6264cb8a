package io.haat.identity.support;

import java.net.URI;
import java.time.Duration;

import io.haat.platform.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the problems the platform's closed set of statuses has no exception for: 423 (an account locked by
 * Keycloak's brute-force protection) and 429 (a throttled mail, code or attempt), both with {@code Retry-After}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemResponses {

    @ExceptionHandler(RetryLaterException.class)
    public ResponseEntity<ProblemDetail> retryLater(RetryLaterException ex, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        problem.setType(ProblemTypes.of(ex.type()));
        problem.setTitle(ex.title());
        problem.setInstance(URI.create(request.getRequestURI()));
        long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(ex.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }

    /** A request refused for now: 429 (too many) or 423 (locked), to be retried after {@link #retryAfter()}. */
    public static class RetryLaterException extends RuntimeException {

        private final HttpStatus status;
        private final String type;
        private final String title;
        private final Duration retryAfter;

        public RetryLaterException(HttpStatus status, String type, String title, String detail, Duration retryAfter) {
            super(detail);
            this.status = status;
            this.type = type;
            this.title = title;
            this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        }

        public static RetryLaterException tooManyRequests(String type, String detail, Duration retryAfter) {
            return new RetryLaterException(HttpStatus.TOO_MANY_REQUESTS, type, "Too many requests", detail, retryAfter);
        }

        public HttpStatus status() {
            return status;
        }

        public String type() {
            return type;
        }

        public String title() {
            return title;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
