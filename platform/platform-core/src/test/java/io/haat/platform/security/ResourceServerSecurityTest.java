package io.haat.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.haat.platform.web.testapp.PlatformWebIntegrationTest;
import io.haat.test.TestJwts;

/** The default resource-server chain, against real RS256 tokens and a real JWKS endpoint. */
class ResourceServerSecurityTest extends PlatformWebIntegrationTest {

    private static final String USER = "1f0e6c3a-9b7d-4e2a-8c5f-2a1b3c4d5e6f";

    @Test
    void noTokenIs401WithABearerChallenge() {
        HttpResponse<String> response = get("/test/secure/me", null);

        assertUnauthorized(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    static List<Arguments> rejectedTokens() {
        TestJwts jwt = jwt();
        return List.of(
                Arguments.of("expired", jwt.builder().subject(USER).roles("ADMIN")
                        .expiresAt(Instant.now().minusSeconds(120)).sign()),
                Arguments.of("wrong issuer", jwt.builder().subject(USER).roles("ADMIN")
                        .issuer("http://localhost:8180/realms/evil").sign()),
                Arguments.of("wrong audience", jwt.builder().subject(USER).roles("ADMIN").audience("other-api").sign()),
                Arguments.of("signed with a foreign key", jwt.builder().subject(USER).roles("ADMIN").signWithForeignKey()),
                Arguments.of("alg none", jwt.builder().subject(USER).roles("ADMIN").unsigned()),
                Arguments.of("garbage", "not-a-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void invalidTokensAre401(String why, String token) {
        HttpResponse<String> response = get("/test/secure/admin", token);

        Map<String, Object> problem = assertUnauthorized(response);
        assertThat(problem.get("detail")).isEqualTo("The access token is invalid or expired.");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
    }

    @Test
    void validTokenWithoutTheRoleIs403() {
        HttpResponse<String> response = get("/test/secure/admin", jwt().token(USER, "CUSTOMER"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response)).containsEntry("type", "https://haat.io/problems/forbidden").containsEntry("status", 403);
    }

    @Test
    void validTokenWithTheRoleIs200() {
        HttpResponse<String> response = get("/test/secure/admin", jwt().token(USER, "ADMIN"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("ok", "admin");
    }

    @Test
    void currentUserExposesTheTokensSubjectRolesAndEmail() {
        String token = jwt().builder().subject(USER).roles("CUSTOMER", "SELLER").email("asha@haat.test").sign();

        HttpResponse<String> response = get("/test/secure/me", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response))
                .containsEntry("id", USER)
                .containsEntry("subject", USER)
                .containsEntry("email", "asha@haat.test")
                .containsEntry("roles", List.of("CUSTOMER", "SELLER"))
                .containsEntry("isAdmin", false)
                .containsEntry("bearerToken", token);
    }

    @Test
    void configuredPublicPathsNeedNoToken() {
        HttpResponse<String> response = get("/test/public/ping", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("authenticated", false);
        // a public path only opens the listed method
        assertThat(send(request("/test/public/ping", null).DELETE()).statusCode()).isEqualTo(401);
    }

    @Test
    void probesMetricsAndApiDocsAreOpenEverythingElseIsNot() {
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/test/no-such-route", null).statusCode()).isEqualTo(401);
    }

    @Test
    void subjectThatIsNotAUuidIsStillTheSubject() {
        String token = jwt().token("service-account-" + UUID.randomUUID(), "ADMIN");

        assertThat(get("/test/secure/admin", token).statusCode()).isEqualTo(200);
    }

    private static Map<String, Object> assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("Jwt", "Exception", "java.", "signature");
        Map<String, Object> problem = json(response);
        assertThat(problem).containsEntry("type", "https://haat.io/problems/unauthorized").containsEntry("status", 401);
        return problem;
    }
}
