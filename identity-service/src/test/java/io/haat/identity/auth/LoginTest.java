package io.haat.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import io.haat.events.Topics;
import io.haat.identity.IdentityProperties;
import io.haat.identity.alert.SecurityAlerts;
import io.haat.identity.keycloak.KeycloakAdmin;
import io.haat.identity.keycloak.KeycloakTokens;
import io.haat.identity.keycloak.PasswordGrant;
import io.haat.identity.support.JwtPayload;
import io.haat.identity.support.Throttle;
import io.haat.identity.testing.IntegrationTestBase;
import io.haat.identity.testing.Mailbox;
import io.haat.platform.web.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.JsonNode;

/** How login answers: no enumeration (unknown, wrong and locked alike), limits, rotation, security alerts. */
class LoginTest extends IntegrationTestBase {

    @Autowired
    Throttle throttle;
    @Autowired
    SecurityAlerts alerts;
    @Autowired
    JsonMapper json;
    @Autowired
    KeycloakTokens keycloakTokens;
    @Autowired
    KeycloakAdmin keycloak;

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

    /**
     * Keycloak checks "enabled" before the password: for a banned or disabled account it says "Account disabled"
     * whatever the password, so that answer must not reach the caller, or a wrong password would tell that the
     * address is registered and banned.
     */
    @Test
    void aBannedOrDisabledAccountAnswersLikeAWrongPasswordWhateverThePassword() {
        Response unknown = login(uniqueEmail("nobody"), "whatever-password");
        Account banned = verifiedAccount("CUSTOMER");
        Response ban = post("/admin/users/" + banned.id() + "/ban", adminToken(), Map.of("reason", "Spam"));
        assertThat(ban.status()).as(ban.body().toString()).isEqualTo(200);
        Account disabled = verifiedAccount("CUSTOMER");
        keycloak.setEnabled(disabled.id().toString(), false);

        for (Account account : java.util.List.of(banned, disabled)) {
            assertThat(keycloakTokens.password(account.email(), "wrong-password"))
                    .as("Keycloak tells a disabled account apart without the right password")
                    .isInstanceOf(PasswordGrant.Disabled.class);
            for (String password : java.util.List.of("wrong-password", account.password())) {
                long failuresBefore = failuresOf(account.email());
                long started = System.nanoTime();
                Response refused = login(account.email(), password);

                assertThat(refused.status()).as(refused.body().toString()).isEqualTo(401);
                assertThat(withoutInstance(refused.body())).isEqualTo(withoutInstance(unknown.body()));
                assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                        .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(400));
                assertThat(failuresOf(account.email())).as("counted as a failed login").isEqualTo(failuresBefore + 1);
            }
        }
    }

    /**
     * Keycloak looks at required actions (an unverified email) only after the password was right: with a wrong one
     * an unverified account answers like any wrong password, so the 403 tells nothing to someone without it.
     */
    @Test
    void anUnverifiedAccountIsToldSoOnlyWithTheRightPassword() {
        String email = uniqueEmail("unverified-wrong");
        assertThat(register(email, "good-password", "Not Verified", "CUSTOMER").status()).isEqualTo(201);
        Response unknown = login(uniqueEmail("nobody"), "whatever-password");

        // one wrong password only: two within a second would trip Keycloak's quick-login lockout
        Response wrong = login(email, "wrong-password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(withoutInstance(wrong.body())).isEqualTo(withoutInstance(unknown.body()));

        assertThat(keycloakTokens.password(email, "good-password")).isInstanceOf(PasswordGrant.NotReady.class);
        assertThat(login(email, "good-password").problemType()).endsWith("/email-not-verified");
    }

    private long failuresOf(String email) {
        return jdbc.sql("SELECT count(*) FROM login_failure WHERE email = ?").param(email).query(Long.class).single();
    }

    @Test
    void aLockedAccountAnswersLikeAnUnknownEmailAndItsOwnerIsToldByMail() {
        Account account = verifiedAccount("CUSTOMER");
        Response unknown = login(uniqueEmail("nobody"), account.password());

        // two failures within a second trip Keycloak's quick-login check, five its failure factor
        for (int i = 0; i < 5; i++) {
            assertThat(login(account.email(), "wrong-password-" + i).status()).isEqualTo(401);
        }
        // the alert and the mail come from the background check after a failure; by now the account is locked
        JsonNode alert = events.await(Topics.SECURITY_ALERTS, envelope ->
                "ACCOUNT_LOCKED".equals(envelope.path("payload").path("kind").asString())
                        && account.id().toString().equals(envelope.path("payload").path("subject").asString()));
        assertThat(alert.path("payload").path("severity").asString()).isEqualTo("MEDIUM");
        long started = System.nanoTime();
        Response locked = login(account.email(), account.password());

        assertThat(locked.status()).isEqualTo(401);
        assertThat(withoutInstance(locked.body())).isEqualTo(withoutInstance(unknown.body()));
        assertThat(locked.header("Retry-After")).isNull();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(
                java.time.Duration.ofMillis(400));
        // mail #1 was the sign-up's verification mail
        String link = mailbox.awaitActionLink(account.email(), 2);
        assertThat(link).contains("/login-actions/action-token");
        assertThat(mailbox.to(account.email()).stream().map(Mailbox::body))
                .anyMatch(body -> body.replaceAll("\\s+", " ").contains("failed sign-ins have locked it"));
    }

    @Test
    void failedLoginsFromOneAddressAreLimitedThenRefusedBeforeKeycloakIsAsked() {
        String ip = "198.51.100." + (1 + (int) (Math.random() * 250));
        Account account = verifiedAccount("CUSTOMER");
        for (int i = 0; i < 20; i++) {
            Response failed = call("POST", "/auth/login", null,
                    Map.of("email", uniqueEmail("spray"), "password", "guess-password-" + i), "X-Forwarded-For", ip);
            assertThat(failed.status()).isEqualTo(401);
        }

        Response refused = call("POST", "/auth/login", null,
                Map.of("email", account.email(), "password", account.password()), "X-Forwarded-For", ip);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.problemType()).endsWith("/login-throttled");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        // another address is not affected
        Response other = call("POST", "/auth/login", null,
                Map.of("email", account.email(), "password", account.password()), "X-Forwarded-For", ip + "1");
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void failedLoginsFromEveryoneTogetherAreLimitedToo() {
        long failuresNow = jdbc.sql("SELECT count(*) FROM login_failure WHERE occurred_at > now() - interval '15 minutes'")
                .query(Long.class).single();
        IdentityProperties strict = new Binder(new MapConfigurationPropertySource(Map.of(
                "haat.identity.login.max-failures-global", Long.toString(failuresNow + 2),
                "haat.identity.login.max-failures-per-ip", "1000")))
                .bindOrCreate("haat.identity", IdentityProperties.class);
        FailedLogins limits = new FailedLogins(jdbc, throttle, alerts, java.time.Clock.systemUTC(), strict);

        limits.checkAllowed("192.0.2.1");
        limits.record("192.0.2.1", "a@spray.test");
        limits.record("192.0.2.2", "b@spray.test");

        assertThatThrownBy(() -> limits.checkAllowed("192.0.2.3"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, refused -> {
                    assertThat(refused.type().toString()).endsWith("/login-throttled");
                    assertThat(refused.headers().getFirst("Retry-After")).isNotNull();
                });
    }

    @Test
    void passwordLoginsGetTokensOfTheConfidentialLoginClient() {
        Account account = verifiedAccount("CUSTOMER");

        JsonNode claims = JwtPayload.claims(account.accessToken(), json).orElseThrow();

        assertThat(claims.path("azp").asString()).isEqualTo("haat-login");
        assertThat(claims.path("aud").toString()).contains("haat-api");
    }

    @Test
    void aRotatedRefreshTokenUsedAgainFailsAndEndsTheSession() {
        Account account = verifiedAccount("CUSTOMER");
        Response rotated = post("/auth/refresh", null, Map.of("refreshToken", account.refreshToken()));
        assertThat(rotated.status()).isEqualTo(200);
        String current = rotated.body().path("refreshToken").asString();
        assertThat(current).isNotEqualTo(account.refreshToken());

        Response replayed = post("/auth/refresh", null, Map.of("refreshToken", account.refreshToken()));

        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.problemType()).endsWith("/invalid-refresh-token");
        // the replay ended the session: the newest refresh token does not work either
        Response afterReplay = post("/auth/refresh", null, Map.of("refreshToken", current));
        assertThat(afterReplay.status()).isEqualTo(401);
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
