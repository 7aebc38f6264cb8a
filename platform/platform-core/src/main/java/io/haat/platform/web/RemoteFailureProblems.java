package io.haat.platform.web;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.NoFallbackAvailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.haat.platform.feign.RemoteClientErrorException;
import io.haat.platform.feign.RemoteConflictException;
import io.haat.platform.feign.RemoteNotFoundException;
import io.haat.platform.feign.RemoteProblem;
import io.haat.platform.feign.RemoteServerErrorException;
import io.haat.platform.feign.RemoteServiceException;
import io.haat.platform.feign.RemoteUnprocessableException;

/** Maps the failure of a call to another service (Feign, circuit breaker) to the problem this service answers. */
final class RemoteFailureProblems {

    private static final Logger log = LoggerFactory.getLogger(RemoteFailureProblems.class);

    private RemoteFailureProblems() {
    }

    /** The problem for {@code ex} if it (or what it wraps) is a failed remote call. */
    static Optional<ProblemDetail> toProblem(Throwable ex) {
        Throwable failure = unwrap(ex);
        return switch (failure) {
            case RemoteNotFoundException e -> Optional.of(passThrough(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, e));
            case RemoteConflictException e -> Optional.of(passThrough(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, e));
            case RemoteUnprocessableException e ->
                    Optional.of(passThrough(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.UNPROCESSABLE, e));
            case RemoteClientErrorException e -> {
                // the downstream refused our call (400/401/403): our bug or our credentials, not the client's
                log.error("Downstream call rejected: {}", e.getMessage());
                yield Optional.of(Problems.create(HttpStatus.BAD_GATEWAY, ProblemTypes.BAD_GATEWAY, null,
                        "A downstream service rejected the request."));
            }
            case RemoteServerErrorException e -> {
                log.warn("Downstream call failed: {}", e.getMessage());
                yield Optional.of(unavailable());
            }
            case CallNotPermittedException e -> {
                log.warn("Circuit open, call not permitted: {}", e.getMessage());
                yield Optional.of(unavailable());
            }
            case java.util.concurrent.TimeoutException e -> {
                log.warn("Downstream call timed out: {}", e.getMessage());
                yield Optional.of(unavailable());
            }
            case FeignException e -> {
                log.warn("Downstream call failed: {}", e.getMessage());
                yield Optional.of(unavailable());
            }
            default -> Optional.empty();
        };
    }

    private static Throwable unwrap(Throwable ex) {
        Throwable current = ex;
        while (current instanceof NoFallbackAvailableException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static ProblemDetail unavailable() {
        return Problems.create(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, null,
                "A service this request depends on is temporarily unavailable. Please retry later.");
    }

    // the downstream is one of ours and already answers client-safe problems: keep its type, title, detail
    private static ProblemDetail passThrough(HttpStatus status, java.net.URI fallbackType, RemoteServiceException e) {
        RemoteProblem remote = e.problem();
        ProblemDetail problem = Problems.create(status, remote.type() != null ? remote.type() : fallbackType,
                remote.title(), remote.detail() != null ? remote.detail() : Problems.defaultDetail(status));
        remote.properties().forEach(problem::setProperty);
        return problem;
    }
}
