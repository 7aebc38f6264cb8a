package io.haat.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every non-public endpoint: without a token → 401; with a token of the wrong role → 403; public reads open.
 * (Someone else's resources → 404 is covered next to each feature.)
 */
class SecurityMatrixTest extends CatalogTest {

    private record Call(String method, String path, String role) {
    }

    private static final String ID = UUID.randomUUID().toString();

    private static final List<Call> PROTECTED = List.of(
            new Call("POST", "/admin/categories", "SELLER"),
            new Call("PUT", "/admin/categories/" + ID, "SELLER"),
            new Call("DELETE", "/admin/categories/" + ID, "CUSTOMER"),
            new Call("POST", "/stores/" + ID + "/products", "CUSTOMER"),
            new Call("PUT", "/products/" + ID, "CUSTOMER"),
            new Call("DELETE", "/products/" + ID, "CUSTOMER"),
            new Call("POST", "/products/" + ID + "/submit", "CUSTOMER"),
            new Call("POST", "/products/" + ID + "/archive", "CUSTOMER"),
            new Call("POST", "/products/" + ID + "/images", "CUSTOMER"),
            new Call("PUT", "/products/" + ID + "/images/order", "CUSTOMER"),
            new Call("DELETE", "/products/" + ID + "/images/" + ID, "ADMIN"),
            new Call("GET", "/admin/products", "SELLER"),
            new Call("POST", "/admin/products/" + ID + "/approve", "SELLER"),
            new Call("POST", "/admin/products/" + ID + "/reject", "CUSTOMER"),
            new Call("POST", "/admin/products/" + ID + "/ban", "SELLER"),
            new Call("POST", "/admin/products/" + ID + "/unban", "SELLER"),
            new Call("POST", "/admin/search/reindex", "CUSTOMER"),
            new Call("POST", "/products/" + ID + "/reviews", "SELLER"),
            new Call("GET", "/reviews/mine", "SELLER"),
            new Call("GET", "/reviews/mine/name", "SELLER"),
            new Call("PUT", "/reviews/mine/name", "ADMIN"),
            new Call("DELETE", "/reviews/mine/name", "SELLER"),
            new Call("PUT", "/reviews/" + ID, "SELLER"),
            new Call("DELETE", "/reviews/" + ID, "ADMIN"),
            new Call("POST", "/reviews/" + ID + "/report", null),
            new Call("GET", "/admin/reviews", "CUSTOMER"),
            new Call("POST", "/admin/reviews/" + ID + "/hide", "SELLER"),
            new Call("POST", "/admin/reviews/" + ID + "/restore", "SELLER"),
            new Call("GET", "/admin/promotions", "SELLER"),
            new Call("GET", "/admin/promotions/" + ID, "SELLER"),
            new Call("POST", "/admin/promotions", "CUSTOMER"),
            new Call("PUT", "/admin/promotions/" + ID, "SELLER"),
            new Call("DELETE", "/admin/promotions/" + ID, "SELLER"),
            new Call("POST", "/admin/promotions/" + ID + "/image", "SELLER"),
            new Call("GET", "/recommendations/me", null));

    private Api.Response call(String method, String path, String token) {
        return switch (method) {
            case "GET" -> api.get(path, token);
            case "POST" -> path.endsWith("/images") || path.endsWith("/image")
                    ? api.upload(path, token, "a.png", "image/png", new byte[] {1})
                    : api.post(path, token, Map.of());
            case "PUT" -> api.put(path, token, Map.of());
            case "DELETE" -> api.delete(path, token);
            default -> throw new IllegalArgumentException(method);
        };
    }

    @Test
    void protectedEndpointsNeedATokenAndTheRightRole() {
        for (Call c : PROTECTED) {
            Api.Response anonymous = call(c.method(), c.path(), null);
            assertThat(anonymous.status()).as(c + " without a token").isEqualTo(401);
            assertThat(anonymous.header("Content-Type")).as(c.toString()).startsWith("application/problem+json");
            if (c.role() != null) {
                Api.Response wrongRole = call(c.method(), c.path(), jwts.token(UUID.randomUUID().toString(), c.role()));
                assertThat(wrongRole.status()).as(c + " as " + c.role()).isEqualTo(403);
            }
        }
    }

    @Test
    void theWrongRoleIs403BeforeTheBodyIsReadOrValidated() {
        String customer = jwts.token(UUID.randomUUID().toString(), "CUSTOMER");
        Map<String, Object> invalidCategory = Map.of("name", " ", "position", -5);
        for (Api.Response refused : List.of(
                api.post("/admin/categories", customer, invalidCategory),
                api.post("/admin/categories", customer, "{\"name\": "),
                api.post("/stores/" + ID + "/products", customer, Map.of("variants", List.of())),
                api.put("/reviews/" + ID, jwts.token(UUID.randomUUID().toString(), "SELLER"), Map.of("rating", 9)))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.json().get("type").asString()).isEqualTo("https://haat.io/problems/forbidden");
        }
        // the same invalid body from an admin is looked at, and refused for what it is
        assertThat(api.post("/admin/categories", admin(), invalidCategory).status()).isEqualTo(400);
    }

    @Test
    void publicReadsNeedNoToken() {
        for (String path : List.of("/categories", "/promotions/active", "/stores/" + ID + "/products",
                "/search?q=anything", "/search/suggest?q=any")) {
            assertThat(api.get(path, null).status()).as(path).isEqualTo(200);
        }
        for (String path : List.of("/products/" + ID, "/products/" + ID + "/reviews", "/images/" + ID,
                "/categories/" + ID + "/products", "/products/" + ID + "/similar", "/products/" + ID + "/bought-together")) {
            assertThat(api.get(path, null).status()).as(path + " (unknown id)").isEqualTo(404);
        }
        assertThat(api.get("/products/" + ID, jwts.builder().subject("x").roles("CUSTOMER")
                .expiresAt(java.time.Instant.now().minusSeconds(600)).sign()).status()).as("expired token").isEqualTo(401);
    }
}
