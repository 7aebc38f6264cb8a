package io.haat.e2e;

import java.net.http.HttpResponse;

/**
 * Real Keycloak tokens that expire after one second, from a first-party test client the suite registers in the
 * local realm (through {@link KeycloakAdmin}).
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
        String client = """
                {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true,
                 "standardFlowEnabled": false, "attributes": {"access.token.lifespan": "1"},
                 "protocolMappers": [{"name": "audience haat-api", "protocol": "openid-connect",
                   "protocolMapper": "oidc-audience-mapper",
                   "config": {"included.custom.audience": "haat-api", "access.token.claim": "true",
                              "id.token.claim": "false"}}]}
                """.formatted(CLIENT_ID);
        HttpResponse<String> created = KeycloakAdmin.post("/clients", client);
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("cannot register the short-lived test client: " + created.statusCode());
        }
    }
}
