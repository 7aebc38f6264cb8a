package io.haat.identity.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.test.HaatInfrastructure;
import io.haat.test.TestJwts;
import io.haat.test.http.HttpApiTest;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of identity-service's integration tests (one shared Spring context, see {@link IdentityIntegrationTest}):
 * drives the HTTP API as a client would, and reads Keycloak, the mailbox, the database and Kafka to check effects.
 */
@IdentityIntegrationTest
public abstract class IntegrationTestBase extends HttpApiTest {

    protected static final TestJwts JWTS = HaatInfrastructure.get().jwt();
    protected static final String ADMIN_EMAIL = SeededAccounts.ADMIN;
    protected static final String ADMIN_PASSWORD = SeededAccounts.PASSWORD;

    @Autowired
    protected JdbcClient jdbc;

    protected Mailbox mailbox;
    protected KeycloakTestAdmin keycloakAdmin;
    protected EventLog events;

    /** A signed-up, verified, logged-in user. */
    protected record Account(UUID id, String email, String password, String accessToken, String refreshToken) {
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

    /** A real token of the seeded admin ({@link SeededAccounts}). */
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
