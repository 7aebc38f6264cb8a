package io.haat.platform.signals;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.access.RequestDenied;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.web.ClientAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a {@link RequestDenied} signal to {@link Topics#ACCESS_DENIED} whenever this service answers a signed-in
 * user with 403 or 404, for notification-service's "unusual access" alert (many in a short time from one user).
 * <p>
 * It wraps the whole filter chain, security included, so it sees the final status of every request, the 403s of
 * role rules as well as the 404s of services. By then the security context is gone, so the user is the {@code sub}
 * of the request's bearer token read without checking its signature again: this is safe because a token the chain
 * did not accept never gets a 403 or 404 (an invalid token is answered 401, on open paths too). Service accounts'
 * calls are not counted. Sending is best-effort and off the request thread (a small bounded queue; when Kafka is
 * slow or down, signals are dropped rather than requests delayed).
 */
public class RequestDeniedSignals extends OncePerRequestFilter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RequestDeniedSignals.class);
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private final KafkaOperations<String, String> kafka;
    private final EventEnvelopes envelopes;
    private final JsonMapper json;
    private final Clock clock;
    private final String service;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000), runnable -> {
                Thread thread = new Thread(runnable, "request-denied-signals");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.AbortPolicy());

    public RequestDeniedSignals(KafkaOperations<String, String> kafka, EventEnvelopes envelopes, JsonMapper json,
                                Clock clock, String service) {
        this.kafka = kafka;
        this.envelopes = envelopes;
        this.json = json;
        this.clock = clock;
        this.service = service;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if (status == HttpServletResponse.SC_FORBIDDEN || status == HttpServletResponse.SC_NOT_FOUND) {
                String userId = bearerSubject(request);
                if (userId != null) {
                    signal(new RequestDenied(userId, status, request.getMethod(), request.getRequestURI(), service,
                            ClientAddress.of(request), clock.instant()));
                }
            }
        }
    }

    private void signal(RequestDenied denied) {
        String value = envelopes.toJson(EventEnvelope.of(denied, 0, denied.at()));
        try {
            sender.execute(() -> {
                try {
                    kafka.send(Topics.ACCESS_DENIED, denied.userId(), value);
                } catch (RuntimeException e) {
                    log.debug("request-denied signal not sent: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException full) {
            log.debug("request-denied signal dropped: queue full");
        }
    }

    /** The {@code sub} of a user's bearer token (see the class comment for why it is not verified again here). */
    private String bearerSubject(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            String subject = claims.path("sub").asString(null);
            String username = claims.path("preferred_username").asString("");
            if (subject == null || subject.isBlank() || username.startsWith(SERVICE_ACCOUNT_PREFIX)
                    || subject.startsWith(SERVICE_ACCOUNT_PREFIX)) {
                return null;
            }
            return subject;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
