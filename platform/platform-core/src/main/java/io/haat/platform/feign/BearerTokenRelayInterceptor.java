package io.haat.platform.feign;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/**
 * Authenticates Feign calls: relays the caller's JWT when the current thread serves an authenticated
 * request, otherwise (a Kafka listener, a scheduled job) uses a client-credentials token of the
 * {@code haat-services} client registration when one is configured, otherwise sends no token.
 * A call that already sets {@code Authorization} is left alone.
 */
public class BearerTokenRelayInterceptor implements RequestInterceptor {

    public static final String SERVICE_REGISTRATION_ID = ServiceTokens.REGISTRATION_ID;

    private final ServiceTokens serviceTokens;

    public BearerTokenRelayInterceptor(ServiceTokens serviceTokens) {
        this.serviceTokens = serviceTokens;
    }

    @Override
    public void apply(RequestTemplate template) {
        if (template.headers().containsKey(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
            template.header(HttpHeaders.AUTHORIZATION, "Bearer " + jwt.getToken().getTokenValue());
            return;
        }
        serviceTokens.authorization().ifPresent(token -> template.header(HttpHeaders.AUTHORIZATION, token));
    }
}
