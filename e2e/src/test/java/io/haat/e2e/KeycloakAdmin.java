package io.haat.e2e;

import io.haat.test.keycloak.KeycloakDistribution;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Keycloak's Admin REST API with the development-only admin account of the local Keycloak: test clients, and many
 * customers at once.
 *
 * <p>Signing up through the gateway costs a mail round trip and two password hashes per person, and the gateway's
 * auth group limits sign-ups per client IP (the suite has one), so a thousand buyers that way would take many
 * minutes. {@link #customers} instead creates them with a partial import (no credentials: nothing to hash) with the
 * realm role CUSTOMER and a verified email, and gets each one's access token through Keycloak's admin impersonation
 * (a session for the user, as the admin console's "Impersonate" button) and one authorization redirect of a test
 * client the suite registers. The tokens are real: issued by the realm, signed by its key, with the user's roles and
 * the {@code haat-api} audience, as a login gives them. Only the suite's own marketplace (or a development ./run.sh
 * one) has that admin account.
 */
final class KeycloakAdmin {

    /** A customer made by the admin: Keycloak user id (the token's {@code sub}), email, and an access token. */
    record Customer(String userId, String email, String accessToken) {
    }

    private static final String REALM = "haat";
    private static final String BUYERS_CLIENT = "haat-e2e-buyers";
    /** Never followed: the token is read from the redirect's fragment. */
    private static final String BUYERS_REDIRECT = "http://localhost/e2e-buyers";
    private static final int IMPORT_BATCH = 200;
    /** Token requests in flight at once: Keycloak has few cores here, more only queues. */
    private static final int PARALLEL_LOGINS = 6;
    /** The master realm's admin tokens live 60 s: take a new one well before. */
    private static final Duration ADMIN_TOKEN_REUSE = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static boolean buyersClientReady;
    private static String adminToken;
    private static long adminTokenAt;

    private KeycloakAdmin() {
    }

    /** An access token of the master realm's admin (cached for a while). */
    static synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenAt > ADMIN_TOKEN_REUSE.toNanos()) {
            HttpResponse<String> admin = send(HttpRequest.newBuilder(
                            URI.create(keycloak() + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Gateway.form(Map.of("grant_type", "password",
                            "client_id", "admin-cli", "username", KeycloakDistribution.ADMIN_USER,
                            "password", KeycloakDistribution.ADMIN_PASSWORD))))
                    .build());
            if (admin.statusCode() != 200) {
                throw new IllegalStateException("no admin token from the local Keycloak: " + admin.statusCode() + " "
                        + admin.body());
            }
            adminToken = Gateway.json(admin).get("access_token").asString();
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    /** POSTs JSON to the haat realm's Admin API, e.g. {@code /clients}. */
    static HttpResponse<String> post(String realmPath, String json) {
        return send(HttpRequest.newBuilder(URI.create(keycloak() + "/admin/realms/" + REALM + realmPath))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * {@code count} new customers with access tokens valid for 15 minutes: make them right before they are used.
     */
    static List<Customer> customers(String label, int count) {
        Map<String, String> idsByEmail = new LinkedHashMap<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int first = 0; first < count; first += IMPORT_BATCH) {
            List<String> users = new ArrayList<>();
            for (int i = first; i < Math.min(count, first + IMPORT_BATCH); i++) {
                String email = "%s-%s-%04d@haat.test".formatted(label, run, i);
                users.add("""
                        {"username": "%s", "email": "%s", "emailVerified": true, "enabled": true,
                         "firstName": "Bench", "lastName": "Buyer %d", "realmRoles": ["CUSTOMER"]}"""
                        .formatted(email, email, i));
            }
            HttpResponse<String> imported = post("/partialImport",
                    "{\"ifResourceExists\": \"FAIL\", \"users\": [" + String.join(",", users) + "]}");
            if (imported.statusCode() != 200) {
                throw new IllegalStateException("partial import of customers refused: " + imported.statusCode() + " "
                        + imported.body());
            }
            for (JsonNode result : Gateway.json(imported).get("results")) {
                idsByEmail.put(result.get("resourceName").asString(), result.get("id").asString());
            }
        }
        if (idsByEmail.size() != count) {
            throw new IllegalStateException("imported " + idsByEmail.size() + " customers of " + count);
        }
        ensureBuyersClient();
        Semaphore inFlight = new Semaphore(PARALLEL_LOGINS);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Customer>> made = new ArrayList<>();
            idsByEmail.forEach((email, id) -> made.add(workers.submit(() -> {
                inFlight.acquire();
                try {
                    return new Customer(id, email, impersonatedToken(id));
                } finally {
                    inFlight.release();
                }
            })));
            List<Customer> customers = new ArrayList<>();
            for (Future<Customer> customer : made) {
                customers.add(customer.get());
            }
            return customers;
        } catch (Exception e) {
            throw new IllegalStateException("could not get tokens for the imported customers", e);
        }
    }

    /**
     * The admin opens a session as the user (the impersonation endpoint answers with the session cookies); the
     * buyers' client turns that session into an access token in one redirect (implicit grant, no password).
     */
    private static String impersonatedToken(String userId) {
        HttpResponse<String> impersonation = send(HttpRequest.newBuilder(
                        URI.create(keycloak() + "/admin/realms/" + REALM + "/users/" + userId + "/impersonation"))
                .header("Authorization", "Bearer " + adminToken())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (impersonation.statusCode() != 200) {
            throw new IllegalStateException("impersonation of " + userId + " refused: " + impersonation.statusCode()
                    + " " + impersonation.body());
        }
        String cookies = impersonation.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .filter(pair -> !pair.endsWith("="))
                .collect(Collectors.joining("; "));
        String authorize = keycloak() + "/realms/" + REALM + "/protocol/openid-connect/auth?" + Gateway.form(Map.of(
                "client_id", BUYERS_CLIENT, "response_type", "token", "prompt", "none", "redirect_uri", BUYERS_REDIRECT,
                "state", UUID.randomUUID().toString()));
        HttpResponse<String> redirected = send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Cookie", cookies).GET().build());
        String location = redirected.headers().firstValue("Location").orElse("");
        String token = fragmentParameter(location, "access_token");
        if (redirected.statusCode() != 302 || token == null) {
            throw new IllegalStateException("no access token for impersonated user " + userId + ": "
                    + redirected.statusCode() + " " + location);
        }
        return token;
    }

    /**
     * A first-party public client of the realm for the suite's buyers: implicit grant only (one redirect gives the
     * access token), the {@code haat-api} audience like haat-web, and tokens that live 15 minutes so that a
     * benchmark's buyers keep theirs to the end.
     */
    private static synchronized void ensureBuyersClient() {
        if (buyersClientReady) {
            return;
        }
        HttpResponse<String> created = post("/clients", """
                {"clientId": "%s", "publicClient": true, "standardFlowEnabled": false, "implicitFlowEnabled": true,
                 "directAccessGrantsEnabled": false, "redirectUris": ["%s"],
                 "attributes": {"access.token.lifespan": "900"},
                 "protocolMappers": [{"name": "audience haat-api", "protocol": "openid-connect",
                   "protocolMapper": "oidc-audience-mapper",
                   "config": {"included.custom.audience": "haat-api", "access.token.claim": "true",
                              "id.token.claim": "false"}}]}
                """.formatted(BUYERS_CLIENT, BUYERS_REDIRECT));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("cannot register the buyers' test client: " + created.statusCode() + " "
                    + created.body());
        }
        buyersClientReady = true;
    }

    private static String fragmentParameter(String uri, String name) {
        int fragment = uri.indexOf('#');
        if (fragment < 0) {
            return null;
        }
        for (String pair : uri.substring(fragment + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String keycloak() {
        return Marketplace.get().keycloakUrl();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
