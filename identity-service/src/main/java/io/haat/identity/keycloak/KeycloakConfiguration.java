package io.haat.identity.keycloak;

import java.net.http.HttpClient;
import java.time.Clock;

import io.haat.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The Keycloak clients: Admin API (service account), OIDC endpoints (login client) and action links. */
@Configuration(proxyBeanMethods = false)
public class KeycloakConfiguration {

    @Bean
    KeycloakHttp keycloakHttp(JsonMapper json, IdentityProperties properties) {
        IdentityProperties.Keycloak keycloak = properties.keycloak();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(keycloak.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requestFactory.setReadTimeout(keycloak.readTimeout());
        // Boot 4 has no RestClient.Builder bean without spring-boot-restclient; the defaults find Jackson 3
        return new KeycloakHttp(RestClient.builder().requestFactory(requestFactory).build(), json);
    }

    @Bean
    ServiceAccountTokens serviceAccountTokens(KeycloakHttp http, IdentityProperties properties, Clock clock) {
        return new ServiceAccountTokens(http, properties.keycloak(), clock);
    }

    @Bean
    KeycloakAdmin keycloakAdmin(KeycloakHttp http, ServiceAccountTokens tokens, IdentityProperties properties) {
        return new KeycloakAdmin(http, tokens, properties.keycloak());
    }

    @Bean
    KeycloakTokens keycloakTokens(KeycloakHttp http, IdentityProperties properties) {
        return new KeycloakTokens(http, properties.keycloak());
    }

    @Bean
    KeycloakActionLinks keycloakActionLinks(IdentityProperties properties) {
        return new KeycloakActionLinks(properties.keycloak());
    }
}
