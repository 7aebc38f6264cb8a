package io.haat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.haat.identity.testing.IntegrationTestBase;
import org.junit.jupiter.api.Test;

/** Every endpoint: what needs a token refuses without one, and bad input is a 4xx problem, never a 500. */
class ApiSafetyTest extends IntegrationTestBase {

    private record Endpoint(String method, String path) {
    }

    private static final String ID = UUID.randomUUID().toString();

    private static final List<Endpoint> PUBLIC_WITH_BODY = List.of(
            new Endpoint("POST", "/auth/register"), new Endpoint("POST", "/auth/login"),
            new Endpoint("POST", "/auth/refresh"), new Endpoint("POST", "/auth/verify-email"),
            new Endpoint("POST", "/auth/password/forgot"), new Endpoint("POST", "/auth/password/reset"),
            new Endpoint("POST", "/auth/social/token"));

    private static final List<Endpoint> AUTHENTICATED_WITH_BODY = List.of(
            new Endpoint("POST", "/auth/logout"), new Endpoint("POST", "/auth/verify-phone/confirm"),
            new Endpoint("PATCH", "/me"), new Endpoint("POST", "/me/addresses"),
            new Endpoint("PUT", "/me/addresses/" + ID));

    private static final List<Endpoint> PROTECTED = List.of(
            new Endpoint("POST", "/auth/logout"), new Endpoint("POST", "/auth/verify-phone/request"),
            new Endpoint("POST", "/auth/verify-phone/confirm"), new Endpoint("GET", "/me"),
            new Endpoint("PATCH", "/me"), new Endpoint("GET", "/me/addresses"), new Endpoint("POST", "/me/addresses"),
            new Endpoint("GET", "/me/addresses/" + ID), new Endpoint("PUT", "/me/addresses/" + ID),
            new Endpoint("DELETE", "/me/addresses/" + ID), new Endpoint("GET", "/admin/users"),
            new Endpoint("GET", "/admin/users/" + ID), new Endpoint("POST", "/admin/users/" + ID + "/ban"),
            new Endpoint("POST", "/admin/users/" + ID + "/unban"), new Endpoint("GET", "/admin/audit"));

    @Test
    void protectedEndpointsAnswer401ProblemsWithoutAValidToken() {
        String expired = JWTS.builder().subject(ID).roles("ADMIN").expiresAt(Instant.now().minusSeconds(600)).sign();
        String foreign = JWTS.builder().subject(ID).roles("ADMIN").signWithForeignKey();
        for (Endpoint endpoint : PROTECTED) {
            for (String token : new String[] {null, expired, foreign, "garbage"}) {
                Response response = call(endpoint.method(), endpoint.path(), token, "{}");
                assertThat(response.status()).as(endpoint + " with " + (token == null ? "no token" : "a bad token"))
                        .isEqualTo(401);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void malformedBodiesAreBadRequestsEverywhere() {
        String token = testToken(UUID.randomUUID(), "CUSTOMER");
        for (Endpoint endpoint : PUBLIC_WITH_BODY) {
            assertBadInput(endpoint, null);
        }
        for (Endpoint endpoint : AUTHENTICATED_WITH_BODY) {
            assertBadInput(endpoint, token);
        }
        assertThat(call("POST", "/admin/users/" + ID + "/ban", adminToken(), "{\"reason\": [").status()).isEqualTo(400);
    }

    private void assertBadInput(Endpoint endpoint, String token) {
        for (String body : new String[] {"{\"broken\": ", "[]", "42"}) {
            Response response = call(endpoint.method(), endpoint.path(), token, body);
            assertThat(response.status()).as(endpoint + " " + body).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(endpoint + " " + body).startsWith("application/problem+json");
        }
        Response text = call(endpoint.method(), endpoint.path(), token, null, "Content-Type", "text/plain");
        assertThat(text.status()).as(endpoint + " text/plain").isBetween(400, 415);
    }
}
