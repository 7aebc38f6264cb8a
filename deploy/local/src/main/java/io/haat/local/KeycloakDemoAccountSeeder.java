package io.haat.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Seeds demo accounts straight into the realm through Keycloak's Admin REST API (admin/admin of the master realm). */
final class KeycloakDemoAccountSeeder implements DemoAccountSeeder {

    private final String keycloakUrl;
    private final String realm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    KeycloakDemoAccountSeeder(String keycloakUrl, String realm) {
        this.keycloakUrl = keycloakUrl;
        this.realm = realm;
    }

    @Override
    public List<Outcome> seed(List<DemoAccount> accounts) {
        String token = adminToken();
        List<Outcome> outcomes = new ArrayList<>();
        for (DemoAccount account : accounts) {
            outcomes.add(new Outcome(account, createIfMissing(token, account)));
        }
        return outcomes;
    }

    private boolean createIfMissing(String token, DemoAccount account) {
        String users = admin(token, "GET", "/users?exact=true&email=" + URLEncoder.encode(account.email(), StandardCharsets.UTF_8), null);
        if (Json.stringField(users, "id").isPresent()) {
            return false;
        }
        String user = """
                {"username":%s,"email":%s,"firstName":%s,"lastName":%s,"enabled":true,"emailVerified":true,
                 "credentials":[{"type":"password","value":%s,"temporary":false}]}""".formatted(
                Json.string(account.email()), Json.string(account.email()), Json.string(account.firstName()),
                Json.string(account.lastName()), Json.string(account.password()));
        HttpResponse<String> created = send(token, "POST", "/users", user);
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Keycloak created " + account.email() + " without a Location"));
        String userId = location.substring(location.lastIndexOf('/') + 1);
        String role = admin(token, "GET", "/roles/" + account.role(), null);
        admin(token, "POST", "/users/" + userId + "/role-mappings/realm", "[" + role + "]");
        return true;
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakPart.ADMIN_USER
                + "&password=" + KeycloakPart.ADMIN_PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String body = check(exchange(request), "admin token").body();
        return Json.stringField(body, "access_token").orElseThrow(() -> new IllegalStateException("no access_token in " + body));
    }

    private String admin(String token, String method, String path, String json) {
        return send(token, method, path, json).body();
    }

    private HttpResponse<String> send(String token, String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/" + realm + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return check(exchange(request), method + " " + path);
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpResponse<String> check(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
