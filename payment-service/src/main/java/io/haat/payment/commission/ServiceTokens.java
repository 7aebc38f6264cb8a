package io.haat.payment.commission;

import io.haat.platform.feign.BearerTokenRelayInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * A client-credentials token of the {@code haat-services} registration, asked for explicitly: the commission look-up
 * may run on a customer's request thread (a payment captured at once), where the platform's Feign interceptor would
 * relay the customer's token instead. Null when no such registration is configured (then the interceptor decides).
 */
@Component
class ServiceTokens {

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final ObjectProvider<OAuth2AuthorizedClientService> clients;

    ServiceTokens(ObjectProvider<ClientRegistrationRepository> registrations,
                  ObjectProvider<OAuth2AuthorizedClientService> clients) {
        this.registrations = registrations;
        this.clients = clients;
    }

    /** {@code Bearer <token>}, or null without a {@code haat-services} registration. */
    String authorization() {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        OAuth2AuthorizedClientService service = clients.getIfAvailable();
        String id = BearerTokenRelayInterceptor.SERVICE_REGISTRATION_ID;
        if (repository == null || service == null || repository.findByRegistrationId(id) == null) {
            return null;
        }
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(repository, service);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(id)
                .principal(id).build());
        return client == null ? null : "Bearer " + client.getAccessToken().getTokenValue();
    }
}
