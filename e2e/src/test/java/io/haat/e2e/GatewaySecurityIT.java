package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.local.DemoAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The marketplace's front door: tokens from the real Keycloak, checked by the gateway and the services. */
class GatewaySecurityIT {

    private static final List<String> SERVICES = Marketplace.SERVICES;

    @Test
    void everyDemoAccountGetsATokenWithItsRoleThatTheGatewayAccepts() {
        for (DemoAccount account : Marketplace.get().demoAccounts()) {
            String token = Gateway.keycloakToken("haat-web", account.email(), account.password());
            JsonNode claims = claims(token);
            assertThat(claims.get("aud").toString()).as(account.email()).contains("haat-api");
            assertThat(claims.get("realm_access").get("roles").toString()).as(account.email()).contains(account.role());

            // identity-service's own answer: the profile of the person the token names, not anything the gateway makes up
            HttpResponse<String> me = Gateway.get("/api/v1/me", token);
            assertThat(me.statusCode()).as("%s: %s", account.email(), me.body()).isEqualTo(200);
            JsonNode profile = Gateway.json(me);
            assertThat(profile.get("id").asString()).as(account.email()).isEqualTo(claims.get("sub").asString());
            assertThat(profile.get("email").asString()).isEqualTo(account.email());
            assertThat(profile.get("roles").toString()).as(account.email()).contains(account.role());
            assertThat(me.headers().firstValue("X-Request-Id")).isPresent();
        }
    }

    @Test
    void aProtectedRouteWithATokenReachesTheServiceAndWithoutOneIsRefused() {
        String token = customerToken();
        HttpResponse<String> withToken = Gateway.get("/api/v1/me", token);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertThat(Gateway.json(withToken).get("email").asString()).isEqualTo(DemoAccount.CUSTOMER.email());

        HttpResponse<String> withoutToken = Gateway.get("/api/v1/me", null);
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertProblem(withoutToken);
        assertThat(withoutToken.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = customerToken();
        String[] parts = token.split("\\.");
        JsonNode claims = claims(token);
        String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(claims.get("sub").asString(), "00000000-0000-0000-0000-000000000000");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        HttpResponse<String> response = Gateway.get("/api/v1/me", tampered);
        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response);
    }

    // An expired real token (Keycloak, one-second lifespan) is refused by SecurityAttackIT#anExpiredRealTokenIsRefused,
    // which takes the token before its fuzz and checks it after: the 60 s of clock skew the resource servers allow have
    // passed by then, instead of being waited out here.

    @Test
    void anUnknownPathIsA404Problem() {
        HttpResponse<String> response = Gateway.get("/api/v1/no-such-thing", customerToken());
        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response);
    }

    @Test
    void theSwaggerUiListsEveryServicesOpenApi() {
        HttpResponse<String> config = Gateway.get("/v3/api-docs/swagger-config", null);
        assertThat(config.statusCode()).isEqualTo(200);
        for (String service : SERVICES) {
            assertThat(config.body()).contains(service);
            HttpResponse<String> docs = Gateway.get("/api/v1/" + service + "/v3/api-docs", null);
            assertThat(docs.statusCode()).as(service).isEqualTo(200);
            assertThat(docs.body()).as(service).contains("\"openapi\"");
        }
    }

    @Test
    void hammeringTheLoginRouteIsThrottledWithRetryAfter() {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 60; i++) {
            responses.add(client.sendAsync(Gateway.request("/api/v1/auth/login", null)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"nobody@haat.local\",\"password\":\"wrong-password\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> throttled = responses.stream().map(CompletableFuture::join)
                .filter(response -> response.statusCode() == 429).toList();
        assertThat(throttled).isNotEmpty();
        HttpResponse<String> first = throttled.getFirst();
        assertThat(first.headers().firstValue("Retry-After")).hasValueSatisfying(
                value -> assertThat(Integer.parseInt(value)).isPositive());
        assertProblem(first);
    }

    @Test
    void aWebSocketThroughTheGatewayReachesNotificationService() throws Exception {
        StompProbe probe = new StompProbe();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(Gateway.url("/ws").replaceFirst("^http", "ws")), probe)
                .get(20, TimeUnit.SECONDS);
        socket.sendText("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + customerToken()
                + "\n\n\u0000", true);
        String frame = probe.firstFrame.get(20, TimeUnit.SECONDS);
        assertThat(frame).startsWith("CONNECTED");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    private static String customerToken() {
        return Gateway.keycloakToken("haat-web", DemoAccount.CUSTOMER.email(), DemoAccount.CUSTOMER.password());
    }

    private static JsonNode claims(String token) {
        return Gateway.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Gateway.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.has("type")).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
    }

    /** Collects the first STOMP frame the server sends. */
    private static final class StompProbe implements WebSocket.Listener {
        final CompletableFuture<String> firstFrame = new CompletableFuture<>();
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                firstFrame.complete(buffer.toString());
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            firstFrame.completeExceptionally(error);
        }
    }
}
