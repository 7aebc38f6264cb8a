package io.haat.identity.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.haat.test.HaatInfrastructure;
import io.haat.test.TestJwts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of identity-service's integration tests (one shared Spring context, see {@link IdentityIntegrationTest}):
 * drives the HTTP API as a client would, and reads Keycloak, the mailbox, the database and Kafka to check effects.
 */
@IdentityIntegrationTest
public abstract class IntegrationTestBase {

    protected static final TestJwts JWTS = HaatInfrastructure.get().jwt();
    protected static final String ADMIN_EMAIL = "admin@haat.local";
    protected static final String ADMIN_PASSWORD = "haat-admin";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected JdbcClient jdbc;

    protected Mailbox mailbox;
    protected KeycloakTestAdmin keycloakAdmin;
    protected EventLog events;

    /** A signed-up, verified, logged-in user. */
    protected record Account(UUID id, String email, String password, String accessToken, String refreshToken) {
    }

    protected record Response(int status, JsonNode body, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public String problemType() {
            return body.path("type").asString("");
        }
    }

    @Autowired
    void testTools(JsonMapper json) {
        this.mailbox = new Mailbox(TestKeycloak.get().mail());
        this.keycloakAdmin = new KeycloakTestAdmin(json, TestKeycloak.URL);
        this.events = new EventLog(json);
    }

    protected static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.haat";
    }

    protected Response call(String method, String path, String token, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body)))
                    .header("Accept", "application/json, application/problem+json");
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body() == null || response.body().isBlank()
                    ? json.createObjectNode() : json.readTree(response.body());
            return new Response(response.statusCode(), parsed, response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    protected Response get(String path, String token) {
        return call("GET", path, token, null);
    }

    protected Response post(String path, String token, Object body) {
        return call("POST", path, token, body);
    }

    protected Response register(String email, String password, String fullName, String role) {
        return post("/auth/register", null, Map.of("email", email, "password", password, "fullName", fullName,
                "role", role));
    }

    protected Response login(String email, String password) {
        return post("/auth/login", null, Map.of("email", email, "password", password));
    }

    /** Signs up through the API, verifies the email in Keycloak directly (no mail round trip) and logs in. */
    protected Account verifiedAccount(String role) {
        String email = uniqueEmail(role.toLowerCase());
        String password = "secret-" + UUID.randomUUID().toString().substring(0, 8);
        Response registered = register(email, password, "Test " + role.charAt(0) + role.substring(1).toLowerCase(), role);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        String id = registered.body().path("userId").asString();
        keycloakAdmin.verifyEmail(id);
        return loggedIn(UUID.fromString(id), email, password);
    }

    protected Account loggedIn(UUID id, String email, String password) {
        Response tokens = login(email, password);
        assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
        return new Account(id, email, password, tokens.body().path("accessToken").asString(),
                tokens.body().path("refreshToken").asString());
    }

    /** A real token of the seeded demo admin. */
    protected String adminToken() {
        Response tokens = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
        return tokens.body().path("accessToken").asString();
    }

    /** A platform-test token (no Keycloak user behind it) with these roles. */
    protected static String testToken(UUID subject, String... roles) {
        return JWTS.builder().subject(subject.toString()).roles(roles)
                .email(subject.toString().substring(0, 8) + "@jwt.test").sign();
    }
}
