package io.haat.platform.feign;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
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

    public static final String SERVICE_REGISTRATION_ID = "haat-services";

    private final OAuth2AuthorizedClientManager clientManager;
    private final ClientRegistrationRepository registrations;

    /** Both may be null: then only relaying happens. */
    public BearerTokenRelayInterceptor(OAuth2AuthorizedClientManager clientManager,
            ClientRegistrationRepository registrations) {
        this.clientManager = clientManager;
        this.registrations = registrations;
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
        String serviceToken = serviceToken();
        if (serviceToken != null) {
            template.header(HttpHeaders.AUTHORIZATION, "Bearer " + serviceToken);
        }
    }

    private String serviceToken() {
        if (clientManager == null || registrations == null
                || registrations.findByRegistrationId(SERVICE_REGISTRATION_ID) == null) {
            return null;
        }
        OAuth2AuthorizedClient client = clientManager.authorize(OAuth2AuthorizeRequest
                .withClientRegistrationId(SERVICE_REGISTRATION_ID)
                .principal(SERVICE_REGISTRATION_ID)
                .build());
        return client != null ? client.getAccessToken().getTokenValue() : null;
    }
}
