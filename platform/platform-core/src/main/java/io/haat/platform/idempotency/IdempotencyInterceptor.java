package io.haat.platform.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import io.haat.platform.web.BadRequestException;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.UnprocessableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies {@link Idempotent}: the first request with a key claims it and runs; its response (unless 5xx)
 * is stored. A duplicate with the same body replays that response; one that arrives while the first is
 * still running waits up to {@code in-progress-wait} for it, then replays — or gets 409 if it is still
 * running. A reused key with a different request gets 422. A 5xx or an unresolved exception releases
 * the key, so the client can retry; neither the release nor the storing waits for a database that is gone
 * ({@link ClaimOutcomes}).
 */
public class IdempotencyInterceptor implements HandlerInterceptor {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyInterceptor.class);
    private static final String CLAIM_ATTRIBUTE = IdempotencyInterceptor.class.getName() + ".claim";
    private static final long POLL_NANOS = Duration.ofMillis(25).toNanos();

    private final IdempotencyKeyStore store;
    private final IdempotencyProperties properties;
    private final ClaimOutcomes outcomes;

    public IdempotencyInterceptor(IdempotencyKeyStore store, IdempotencyProperties properties) {
        this.store = store;
        this.properties = properties;
        this.outcomes = new ClaimOutcomes(store, properties.inProgressTimeout());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || request.getAttribute(CLAIM_ATTRIBUTE) != null) {
            return true;
        }
        Idempotent idempotent = method.getMethodAnnotation(Idempotent.class);
        if (idempotent == null) {
            return true;
        }
        String key = request.getHeader(IdempotencyFilter.HEADER);
        if (key == null || key.isBlank()) {
            if (idempotent.required()) {
                throw new BadRequestException("idempotency-key-missing", "Idempotency-Key required",
                        "This operation requires an Idempotency-Key header.");
            }
            return true;
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new BadRequestException("Idempotency-Key must be at most " + MAX_KEY_LENGTH + " characters.");
        }
        CachedBodyRequest body = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
        if (body == null) {
            log.warn("Idempotency filter not applied to {} {}: key ignored", request.getMethod(), request.getRequestURI());
            return true;
        }
        String scope = scope();
        String path = pathWithQuery(request);
        String hash = hash(request.getMethod(), path, body.body());
        long deadline = System.nanoTime() + properties.inProgressWait().toNanos();
        while (true) {
            Optional<OffsetDateTime> claimed = store.claim(scope, key, request.getMethod(), path, hash, properties.ttl(),
                    properties.inProgressTimeout());
            if (claimed.isPresent()) {
                request.setAttribute(CLAIM_ATTRIBUTE, new ClaimOutcomes.Claim(scope, key, claimed.get()));
                return true;
            }
            Optional<IdempotencyRecord> existing = store.find(scope, key);
            if (existing.isPresent()) {
                IdempotencyRecord found = existing.get();
                if (!found.requestHash().equals(hash)) {
                    throw new UnprocessableException("idempotency-key-reused", "Idempotency key reused",
                            "This Idempotency-Key was already used for a different request.");
                }
                if (found.status() == IdempotencyRecord.Status.COMPLETED) {
                    replay(found.response(), response);
                    return false;
                }
                if (System.nanoTime() >= deadline) {
                    throw new ConflictException("idempotency-request-in-progress", "Request in progress",
                            "A request with this Idempotency-Key is still being processed. Retry later.");
                }
            }
            // the first request is still running (or has just released its claim): look again shortly
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(request.getAttribute(CLAIM_ATTRIBUTE) instanceof ClaimOutcomes.Claim claim)) {
            return;
        }
        request.removeAttribute(CLAIM_ATTRIBUTE);
        ContentCachingResponseWrapper cached = WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
        if (ex != null || cached == null || response.getStatus() >= 500 || request.isAsyncStarted()) {
            outcomes.release(claim);
            return;
        }
        outcomes.complete(claim,
                new StoredResponse(response.getStatus(), replayedHeaders(cached), cached.getContentAsByteArray()));
    }

    private static Map<String, String> replayedHeaders(ContentCachingResponseWrapper response) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getContentType() != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, response.getContentType());
        }
        if (response.getHeader(HttpHeaders.LOCATION) != null) {
            headers.put(HttpHeaders.LOCATION, response.getHeader(HttpHeaders.LOCATION));
        }
        return headers;
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach((name, value) -> {
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                response.setContentType(value);
            } else {
                response.setHeader(name, value);
            }
        });
        response.setHeader(REPLAYED_HEADER, "true");
        response.getOutputStream().write(stored.body());
    }

    // keys are per caller: two users choosing the same key never see each other's responses
    private static String scope() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && new AuthenticationTrustResolverImpl().isAuthenticated(authentication)
                ? authentication.getName() : "anonymous";
    }

    private static String pathWithQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
