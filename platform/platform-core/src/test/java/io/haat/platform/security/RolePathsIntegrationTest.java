package io.haat.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.haat.platform.web.testapp.PlatformWebIntegrationTest;

/** A {@link RolePaths} bean decides the role in the filter chain, before the body is read or validated. */
class RolePathsIntegrationTest extends PlatformWebIntegrationTest {

    private static final String USER = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final String INVALID_BODY = "{\"name\": \" \", \"quantity\": -1}";

    @Test
    void theWrongRoleIs403EvenWithAnInvalidBody() {
        HttpResponse<String> response = post("/test/roles/items", jwt().token(USER, "CUSTOMER"), INVALID_BODY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response)).containsEntry("type", "https://haat.io/problems/forbidden")
                .containsEntry("status", 403).containsEntry("instance", "/test/roles/items");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_scope\"");
        // not even malformed JSON is looked at
        assertThat(post("/test/roles/items", jwt().token(USER, "CUSTOMER"), "{").statusCode()).isEqualTo(403);
    }

    @Test
    void anyOfTheRolesMayCallAndTheBodyIsThenValidated() {
        assertThat(json(post("/test/roles/items", jwt().token(USER, "SELLER"), INVALID_BODY)))
                .containsEntry("status", 400).containsEntry("type", "https://haat.io/problems/validation");
        assertThat(post("/test/roles/items", jwt().token(USER, "ADMIN"), "{\"name\": \"pen\", \"quantity\": 1}")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void noTokenIsStill401() {
        assertThat(post("/test/roles/items", null, INVALID_BODY).statusCode()).isEqualTo(401);
    }

    @Test
    void aRoleRuleWinsOverAPublicPath() {
        assertThat(get("/test/public/restricted", null).statusCode()).isEqualTo(401);
        assertThat(get("/test/public/restricted", jwt().token(USER, "CUSTOMER")).statusCode()).isEqualTo(403);
        assertThat(get("/test/public/restricted", jwt().token(USER, "ADMIN")).statusCode()).isEqualTo(200);
        assertThat(get("/test/public/ping", null).statusCode()).isEqualTo(200);
    }
}
