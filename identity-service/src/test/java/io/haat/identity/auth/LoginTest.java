package io.haat.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.haat.events.Topics;
import io.haat.identity.testing.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How login answers: no enumeration, clear problems for unverified and locked accounts, security alerts. */
class LoginTest extends IntegrationTestBase {

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        Account account = verifiedAccount("CUSTOMER");

        Response unknown = login(uniqueEmail("nobody"), "whatever-password");
        Response wrong = login(account.email(), "wrong-password");

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(withoutInstance(wrong.body())).isEqualTo(withoutInstance(unknown.body()));
        assertThat(wrong.problemType()).endsWith("/invalid-credentials");
        assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anUnverifiedEmailCannotLogInYetAndIsToldWhy() {
        String email = uniqueEmail("unverified");
        assertThat(register(email, "good-password", "Not Verified", "CUSTOMER").status()).isEqualTo(201);

        Response refused = login(email, "good-password");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).endsWith("/email-not-verified");
    }

    @Test
    void keycloaksBruteForceLockoutIsA423WithRetryAfterAndAnAlert() {
        Account account = verifiedAccount("CUSTOMER");

        // two failures within a second trip Keycloak's quick-login check, five its failure factor
        for (int i = 0; i < 5 && login(account.email(), "wrong-password-" + i).status() != 423; i++) {
            // keep failing until Keycloak locks the account
        }
        Response locked = login(account.email(), account.password());

        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.problemType()).endsWith("/account-locked");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isPositive();
        JsonNode alert = events.await(Topics.SECURITY_ALERTS, envelope ->
                "ACCOUNT_LOCKED".equals(envelope.path("payload").path("kind").asString())
                        && account.id().toString().equals(envelope.path("payload").path("subject").asString()));
        assertThat(alert.path("payload").path("severity").asString()).isEqualTo("MEDIUM");
    }

    @Test
    void repeatedFailedLoginsFromOneAddressRaiseOneAlert() {
        String ip = "203.0.113." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 5; i++) {
            Response failed = call("POST", "/auth/login", null,
                    Map.of("email", uniqueEmail("probe"), "password", "guess-" + i), "X-Forwarded-For", ip);
            assertThat(failed.status()).isEqualTo(401);
        }

        JsonNode alert = events.await(Topics.SECURITY_ALERTS, envelope ->
                "REPEATED_FAILED_LOGINS".equals(envelope.path("payload").path("kind").asString())
                        && ip.equals(envelope.path("payload").path("subject").asString()));
        assertThat(alert.path("payload").path("detail").asString()).contains("5 failed logins", ip);
    }

    @Test
    void aRefreshTokenThatIsNotOneIsRefused() {
        Response refused = post("/auth/refresh", null, Map.of("refreshToken", "not-a-token"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.problemType()).endsWith("/invalid-refresh-token");
        assertThat(post("/auth/refresh", null, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void logoutNeedsATokenAndOnlyEndsTheCallersOwnSession() {
        Account owner = verifiedAccount("CUSTOMER");

        assertThat(post("/auth/logout", null, Map.of("refreshToken", owner.refreshToken())).status()).isEqualTo(401);
        Response someoneElse = post("/auth/logout", testToken(UUID.randomUUID(), "CUSTOMER"),
                Map.of("refreshToken", owner.refreshToken()));
        assertThat(someoneElse.status()).isEqualTo(403);
        assertThat(someoneElse.problemType()).endsWith("/not-your-session");

        // the owner's session is still alive
        assertThat(post("/auth/refresh", null, Map.of("refreshToken", owner.refreshToken())).status()).isEqualTo(200);
    }

    private static String withoutInstance(JsonNode problem) {
        return problem.toString().replaceAll("\"instance\":\"[^\"]*\",?", "");
    }
}
