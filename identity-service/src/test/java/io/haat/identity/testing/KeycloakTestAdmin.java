package io.haat.identity.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.haat.test.keycloak.KeycloakServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test-only shortcuts through Keycloak's Admin API as the master admin (what an operator could do in the console). */
public final class KeycloakTestAdmin {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json;
    private final String url;

    KeycloakTestAdmin(JsonMapper json, String url) {
        this.json = json;
        this.url = url;
    }

    public JsonNode user(String id) {
        return json.readTree(send("GET", "/admin/realms/haat/users/" + id, null).body());
    }

    /** Marks the email verified and drops pending required actions, as if the user had clicked the link. */
    public void verifyEmail(String id) {
        ObjectNode user = (ObjectNode) user(id);
        user.put("emailVerified", true);
        user.putArray("requiredActions");
        send("PUT", "/admin/realms/haat/users/" + id, user.toString());
    }

    /** A user made in Keycloak directly (like a social login's first broker login), without any marketplace role. */
    public String createUser(String email, String password, String firstName, String lastName) {
        String body = json.createObjectNode().put("username", email).put("email", email).put("firstName", firstName)
                .put("lastName", lastName).put("enabled", true).put("emailVerified", true)
                .set("credentials", json.createArrayNode().add(json.createObjectNode()
                        .put("type", "password").put("value", password).put("temporary", false))).toString();
        HttpResponse<String> created = send("POST", "/admin/realms/haat/users", body);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The users with this email (none or one). */
    public List<JsonNode> findByEmail(String email) {
        JsonNode users = json.readTree(send("GET", "/admin/realms/haat/users?exact=true&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8), null).body());
        return users.valueStream().toList();
    }

    /** Realm role names of the user. */
    public List<String> realmRoles(String id) {
        JsonNode roles = json.readTree(send("GET", "/admin/realms/haat/users/" + id + "/role-mappings/realm", null).body());
        return roles.valueStream().map(role -> role.path("name").asString()).toList();
    }

    public JsonNode bruteForce(String id) {
        return json.readTree(send("GET", "/admin/realms/haat/attack-detection/brute-force/users/" + id, null).body());
    }

    private HttpResponse<String> send(String method, String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                    .header("Authorization", "Bearer " + token())
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN_USER + "&password="
                + URLEncoder.encode(KeycloakServer.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(url + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).path("access_token").asString();
    }
}
