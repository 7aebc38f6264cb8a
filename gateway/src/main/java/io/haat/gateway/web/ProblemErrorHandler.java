package io.haat.gateway.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers every error the gateway itself raises with a problem+json body: unknown paths (404), a
 * service that is down, unregistered or behind an open circuit (503), a timeout (504), and the rest.
 * Never a stack trace or an internal message.
 */
@Component
@Order(-2) // before Spring Boot's DefaultErrorWebExceptionHandler
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = statusOf(error);
        if (status.is5xxServerError() && status.value() != 503 && status.value() != 504) {
            log.warn("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        return Problems.write(exchange, status, titleOf(status), detailOf(status));
    }

    /** The status an error is answered with. */
    public static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ErrorResponse response) {
            return response.getStatusCode();
        }
        if (error instanceof ServerExchangeRejectedException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (error instanceof DataBufferLimitException) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        // AuthenticationServiceException: the token could not be checked at all (Keycloak's JWKS unreachable)
        // ServiceUnavailableException: the load balancer knows no instance of the service (not registered yet, or gone)
        if (hasCause(error, CallNotPermittedException.class) || hasCause(error, ConnectException.class)
                || hasCause(error, ServiceUnavailableException.class)
                || error instanceof AuthenticationServiceException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (hasCause(error, TimeoutException.class)) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        if (hasCause(error, IOException.class)) {
            return HttpStatus.BAD_GATEWAY;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String titleOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error";
    }

    private static String detailOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The request is malformed.";
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not supported on this path.";
            case 406 -> "No representation of this resource matches the Accept header.";
            case 413 -> "The request body is larger than the gateway accepts.";
            case 415 -> "The request's content type is not supported here.";
            case 502 -> "The service answered with an invalid response.";
            case 503 -> "The service is unavailable right now. Try again later.";
            case 504 -> "The service did not answer in time.";
            default -> status.is5xxServerError() ? "The request could not be processed." : titleOf(status) + ".";
        };
    }
}
