package io.haat.payment.order;

import io.haat.platform.feign.BearerTokenRelayInterceptor;
import io.haat.platform.web.ServiceUnavailableException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;

/**
 * Client-credentials tokens of the {@code haat-services} registration (the same one the platform's Feign
 * interceptor uses outside requests), asked for explicitly so that a call made while serving a customer never
 * carries the customer's token. The authorized-client service caches the token until it expires.
 */
@Component
public class OrderLookupTokens {

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    public OrderLookupTokens(ObjectProvider<ClientRegistrationRepository> registrations,
                         ObjectProvider<OAuth2AuthorizedClientService> clients) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        OAuth2AuthorizedClientService service = clients.getIfAvailable();
        if (repository == null || service == null
                || repository.findByRegistrationId(BearerTokenRelayInterceptor.SERVICE_REGISTRATION_ID) == null) {
            this.manager = null;
        } else {
            this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(repository, service);
            this.manager.setAuthorizedClientProvider(
                    OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        }
    }

    /** {@code Bearer <token>}; 503 when the registration is missing or the token endpoint refuses. */
    public String bearer() {
        if (manager == null) {
            throw new ServiceUnavailableException("order look-up is not configured (no haat-services client)");
        }
        try {
            OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(BearerTokenRelayInterceptor.SERVICE_REGISTRATION_ID)
                    .principal(BearerTokenRelayInterceptor.SERVICE_REGISTRATION_ID).build());
            if (client == null) {
                throw new ServiceUnavailableException("no service token for the order look-up");
            }
            return "Bearer " + client.getAccessToken().getTokenValue();
        } catch (OAuth2AuthorizationException e) {
            throw new ServiceUnavailableException("no service token for the order look-up");
        }
    }
}
