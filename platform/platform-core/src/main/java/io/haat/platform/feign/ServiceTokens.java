package io.haat.platform.feign;

import java.util.Optional;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Client-credentials tokens of the {@code haat-services} client registration (cached by Spring's authorized
 * client service until they expire), for calls another service must accept as a service call
 * (role {@code SERVICE}, see {@code KeycloakRealmRolesConverter}). Use it explicitly where a call on a customer's
 * request thread must not relay the customer's token: pass {@link #authorization()} as the {@code Authorization}
 * header of the Feign method ({@link BearerTokenRelayInterceptor} leaves a header that is already set alone).
 */
public class ServiceTokens {

    public static final String REGISTRATION_ID = "haat-services";

    private final OAuth2AuthorizedClientManager clientManager;
    private final ClientRegistrationRepository registrations;

    /** Both may be null (no OAuth2 client configured): then there is never a token. */
    public ServiceTokens(OAuth2AuthorizedClientManager clientManager, ClientRegistrationRepository registrations) {
        this.clientManager = clientManager;
        this.registrations = registrations;
    }

    /** Whether a {@code haat-services} registration is configured. */
    public boolean configured() {
        return clientManager != null && registrations != null
                && registrations.findByRegistrationId(REGISTRATION_ID) != null;
    }

    /** {@code Bearer <token>}, or empty when no registration is configured. */
    public Optional<String> authorization() {
        if (!configured()) {
            return Optional.empty();
        }
        OAuth2AuthorizedClient client = clientManager.authorize(OAuth2AuthorizeRequest
                .withClientRegistrationId(REGISTRATION_ID).principal(REGISTRATION_ID).build());
        return Optional.ofNullable(client).map(c -> "Bearer " + c.getAccessToken().getTokenValue());
    }
}
