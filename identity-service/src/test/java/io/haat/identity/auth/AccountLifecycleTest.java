package io.haat.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.haat.events.Topics;
import io.haat.identity.testing.EventLog;
import io.haat.identity.testing.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sign-up, login, refresh and logout against the real Keycloak. */
class AccountLifecycleTest extends IntegrationTestBase {

    @Test
    void signUpCreatesTheKeycloakUserAndTheProfileAndAnnouncesIt() {
        String email = uniqueEmail("Signup").toUpperCase(); // stored lower-case
        Response registered = register(email, "correct-horse", "Ram Bahadur Thapa", "SELLER");

        assertThat(registered.status()).isEqualTo(201);
        UUID id = UUID.fromString(registered.body().path("userId").asString());
        assertThat(registered.body().path("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(registered.body().path("role").asString()).isEqualTo("SELLER");

        JsonNode keycloakUser = keycloakAdmin.user(id.toString());
        assertThat(keycloakUser.path("emailVerified").asBoolean()).isFalse();
        assertThat(keycloakUser.path("requiredActions").toString()).contains("VERIFY_EMAIL");
        assertThat(keycloakUser.path("firstName").asString()).isEqualTo("Ram Bahadur");
        assertThat(keycloakUser.path("lastName").asString()).isEqualTo("Thapa");
        assertThat(jdbc.sql("SELECT full_name FROM user_profile WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Ram Bahadur Thapa");

        JsonNode event = events.await(Topics.IDENTITY_USER, EventLog.ofType("UserRegistered", id.toString()));
        assertThat(event.path("payload").path("role").asString()).isEqualTo("SELLER");
        assertThat(event.path("payload").path("email").asString()).isEqualTo(email.toLowerCase());
    }

    @Test
    void loginRefreshAndLogoutFollowTheSession() {
        Account account = verifiedAccount("CUSTOMER");
        assertThat(account.accessToken()).isNotBlank();

        Response me = get("/me", account.accessToken());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("email").asString()).isEqualTo(account.email());
        assertThat(me.body().path("emailVerified").asBoolean()).isTrue();
        assertThat(me.body().path("roles").toString()).contains("CUSTOMER");

        Response refreshed = post("/auth/refresh", null, Map.of("refreshToken", account.refreshToken()));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.body().path("accessToken").asString()).isNotBlank();
        assertThat(refreshed.body().path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(refreshed.body().path("expiresIn").asLong()).isPositive();
        String refreshToken = refreshed.body().path("refreshToken").asString();

        Response logout = post("/auth/logout", account.accessToken(), Map.of("refreshToken", refreshToken));
        assertThat(logout.status()).isEqualTo(204);

        Response afterLogout = post("/auth/refresh", null, Map.of("refreshToken", refreshToken));
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.problemType()).endsWith("/invalid-refresh-token");
    }
}
