package io.haat.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Real Keycloak tokens that expire after one second, from a first-party test client the suite registers in the
 * local realm (through Keycloak's Admin API, with the development-only admin account).
 */
final class ShortLivedTokens {

    static final String CLIENT_ID = "haat-e2e-short-lived";

    private ShortLivedTokens() {
    }

    static String tokenExpiringInOneSecond(String email, String password) {
        ensureClient();
        return Gateway.keycloakToken(CLIENT_ID, email, password);
    }

    private static synchronized void ensureClient() {
        String keycloak = Marketplace.get().keycloakUrl();
        HttpResponse<String> admin = Gateway.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Gateway.form(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", "admin", "password", "admin"))))
                .build());
        String adminToken = Gateway.json(admin).get("access_token").asString();
        String client = """
                {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true,
                 "standardFlowEnabled": false, "attributes": {"access.token.lifespan": "1"},
                 "protocolMappers": [{"name": "audience haat-api", "protocol": "openid-connect",
                   "protocolMapper": "oidc-audience-mapper",
                   "config": {"included.custom.audience": "haat-api", "access.token.claim": "true",
                              "id.token.claim": "false"}}]}
                """.formatted(CLIENT_ID);
        HttpResponse<String> created = Gateway.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/admin/realms/haat/clients"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client)).build());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("cannot register the short-lived test client: " + created.statusCode());
        }
    }
}
