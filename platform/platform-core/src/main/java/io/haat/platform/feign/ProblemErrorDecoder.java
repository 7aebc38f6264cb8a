package io.haat.platform.feign;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an error response of another service into a typed {@link RemoteServiceException}, reading its
 * {@code application/problem+json} body when it has one. A 502/503/504 answer to a GET or HEAD is made
 * retryable ({@link IdempotentMethodRetryer} decides); anything else is final.
 */
public class ProblemErrorDecoder implements ErrorDecoder {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorDecoder.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private final JsonMapper jsonMapper;
    private final Clock clock;

    /** @param clock turns a {@code Retry-After} in seconds into the epoch time Feign's retryer expects */
    public ProblemErrorDecoder(JsonMapper jsonMapper, Clock clock) {
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        Request request = response.request();
        String method = request.httpMethod().name();
        int status = response.status();
        RemoteProblem problem = readProblem(response);
        RemoteServiceException exception = switch (status) {
            case 404 -> new RemoteNotFoundException(status, method, request.url(), problem);
            case 409 -> new RemoteConflictException(status, method, request.url(), problem);
            case 422 -> new RemoteUnprocessableException(status, method, request.url(), problem);
            default -> status >= 500
                    ? new RemoteServerErrorException(status, method, request.url(), problem)
                    : new RemoteClientErrorException(status, method, request.url(), problem);
        };
        if ((status == 502 || status == 503 || status == 504) && IdempotentMethodRetryer.isRetryable(request.httpMethod())) {
            return new RetryableException(status, exception.getMessage(), request.httpMethod(), exception,
                    retryAfterMillis(response), request);
        }
        return exception;
    }

    private RemoteProblem readProblem(Response response) {
        if (response.body() == null || !isJson(response.headers())) {
            return RemoteProblem.NONE;
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES);
            Map<String, Object> body = jsonMapper.readerForMapOf(Object.class).readValue(bytes);
            Map<String, Object> extensions = new LinkedHashMap<>(body);
            extensions.keySet().removeAll(STANDARD_MEMBERS);
            return new RemoteProblem(uri(body.get("type")), string(body.get("title")), string(body.get("detail")),
                    extensions);
        } catch (IOException | RuntimeException e) {
            log.debug("Unreadable error body from {}: {}", response.request().url(), e.getMessage());
            return RemoteProblem.NONE;
        }
    }

    private static boolean isJson(Map<String, Collection<String>> headers) {
        return headers.entrySet().stream()
                .filter(h -> "content-type".equalsIgnoreCase(h.getKey()))
                .flatMap(h -> h.getValue().stream())
                .anyMatch(value -> value.toLowerCase().contains("json"));
    }

    private Long retryAfterMillis(Response response) {
        return response.headers().entrySet().stream()
                .filter(h -> "retry-after".equalsIgnoreCase(h.getKey()))
                .flatMap(h -> h.getValue().stream())
                .findFirst()
                .flatMap(value -> {
                    try {
                        return java.util.Optional.of(clock.millis() + Long.parseLong(value.trim()) * 1000);
                    } catch (NumberFormatException e) {
                        return java.util.Optional.empty(); // an HTTP date: use our own backoff
                    }
                })
                .orElse(null);
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    private static URI uri(Object value) {
        try {
            return value instanceof String s ? URI.create(s) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
