package io.haat.identity.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.haat.identity.testing.Browser;
import io.haat.identity.testing.IntegrationTestBase;
import io.haat.identity.testing.TestKeycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

/** The social login redirect (Keycloak broker, PKCE) and the code exchange. */
class SocialLoginTest extends IntegrationTestBase {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    @Test
    void redirectsToKeycloaksBrokerWithPkce() {
        Response redirect = get("/auth/social/google", null);

        assertThat(redirect.status()).isEqualTo(302);
        URI location = URI.create(redirect.header("Location"));
        assertThat(location.toString()).startsWith(TestKeycloak.URL + "/realms/haat/protocol/openid-connect/auth?");
        Map<String, String> query = UriComponentsBuilder.fromUri(location).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("kc_idp_hint", "google")
                .containsEntry("client_id", "haat-web")
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("code_challenge", "state", "redirect_uri");
        assertThat(query.get("code_challenge")).hasSize(43);
        assertThat(redirect.body().path("state").asString()).isEqualTo(query.get("state"));

        assertThat(get("/auth/social/FACEBOOK", null).status()).isEqualTo(302);
        assertThat(get("/auth/social/myspace", null).status()).isEqualTo(404);
        assertThat(get("/auth/social/google?redirectUri=https://evil.example/cb", null).status()).isEqualTo(400);
        assertThat(get("/auth/social/google?codeChallenge=short", null).status()).isEqualTo(400);
    }

    @Test
    void theCodeThatComesBackIsExchangedForTokensOnce() {
        // the broker itself needs Google; Keycloak's own login form stands in for it (same code + PKCE path)
        String email = uniqueEmail("social");
        keycloakAdmin.createUser(email, "social-password", "Asha", "Tamang");
        URI authorization = URI.create(get("/auth/social/google", null).header("Location"));
        Browser browser = new Browser();

        String page = browser.get(authorization).body();
        Matcher form = LOGIN_FORM.matcher(page);
        assertThat(form.find()).as("Keycloak's login form").isTrue();
        HttpResponse<String> submitted = browser.postForm(URI.create(form.group(1).replace("&amp;", "&")),
                "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=social-password");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        Map<String, String> callback = UriComponentsBuilder.fromUriString(submitted.headers().firstValue("Location")
                .orElseThrow()).build().getQueryParams().toSingleValueMap();

        Response tokens = post("/auth/social/token", null, Map.of("code", callback.get("code"), "state",
                callback.get("state")));

        assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
        Response me = get("/me", tokens.body().path("accessToken").asString());
        assertThat(me.body().path("email").asString()).isEqualTo(email);
        Response replay = post("/auth/social/token", null, Map.of("code", callback.get("code"), "state",
                callback.get("state")));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.problemType()).endsWith("/social-login-state-invalid");
    }

    @Autowired
    SocialLoginService socialLogins;

    @Test
    void expiredAttemptsArePurgedInBatchesAndFreshOnesKept() {
        jdbc.sql("""
                INSERT INTO social_login (state, provider, code_verifier, redirect_uri, created_at)
                SELECT 'expired-' || n || '-' || gen_random_uuid(), 'google', null, 'http://localhost:3000/auth/callback',
                       now() - interval '11 minutes'
                FROM generate_series(1, 1234) AS n""").update();
        String fresh = get("/auth/social/google", null).body().path("state").asString();

        assertThat(socialLogins.purgeExpired()).isGreaterThanOrEqualTo(1234);

        assertThat(jdbc.sql("SELECT count(*) FROM social_login WHERE created_at < now() - interval '10 minutes'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM social_login WHERE state = :state").param("state", fresh)
                .query(Long.class).single()).isOne();
    }

    @Test
    void tooManyAttemptsInFlightAreRefusedUntilSomeEnd() {
        long pending = jdbc.sql("SELECT count(*) FROM social_login WHERE created_at >= now() - interval '10 minutes'")
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO social_login (state, provider, code_verifier, redirect_uri, created_at)
                SELECT 'flood-' || n, 'google', null, 'http://localhost:3000/auth/callback', now()
                FROM generate_series(1, :rows) AS n""").param("rows", 10_000 - pending).update();
        try {
            Response refused = get("/auth/social/google", null);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.problemType()).endsWith("/social-login-busy");
            assertThat(refused.header("Retry-After")).isNotBlank();
        } finally {
            jdbc.sql("DELETE FROM social_login WHERE state LIKE 'flood-%'").update();
        }
        assertThat(get("/auth/social/google", null).status()).isEqualTo(302);
    }
}
