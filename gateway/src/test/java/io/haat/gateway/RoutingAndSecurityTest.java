package io.haat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.gateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

class RoutingAndSecurityTest extends GatewayIntegrationTest {

    @Test
    void protectedRouteWithValidTokenReachesTheServiceWithPrefixStrippedAndHeadersRelayed() {
        String token = token("CUSTOMER");

        EntityExchangeResult<Map<String, Object>> result = client.get().uri("/api/v1/orders/42?page=2")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult();

        Map<String, Object> echo = result.getResponseBody();
        assertThat(echo).containsEntry("service", "order-service")
                .containsEntry("path", "/orders/42")
                .containsEntry("query", "page=2")
                .containsEntry("authorization", "Bearer " + token);
        String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(requestId).isNotBlank();
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(echo).containsEntry("requestId", requestId);
    }

    @Test
    void aSaneRequestIdIsPropagatedAndAnUnsafeOneReplaced() {
        client.get().uri("/api/v1/products/p-1").header("X-Request-Id", "web-1234.abc_def:9")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "web-1234.abc_def:9")
                .expectBody().jsonPath("$.requestId").isEqualTo("web-1234.abc_def:9");

        EntityExchangeResult<Map<String, Object>> replaced = client.get().uri("/api/v1/products/p-1")
                .header("X-Request-Id", "x".repeat(129))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult();
        String id = replaced.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(replaced.getResponseBody()).containsEntry("requestId", id);

        client.get().uri("/api/v1/products/p-1").header("X-Request-Id", "<script>")
                .exchange().expectStatus().isOk()
                .expectHeader().value("X-Request-Id", value -> assertThat(UUID.fromString(value)).isNotNull());
    }

    @Test
    void withoutTokenAProtectedRouteIsA401Problem() {
        int before = stubs().received("GET", "/wishlist").size();

        client.get().uri("/api/v1/wishlist")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://haat.io/problems/unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo("/api/v1/wishlist");

        assertThat(stubs().received("GET", "/wishlist")).hasSize(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"foreign-key", "expired", "wrong-audience", "wrong-issuer", "unsigned", "garbage"})
    void anInvalidTokenIsRefused(String kind) {
        String token = switch (kind) {
            case "foreign-key" -> jwts().builder().subject("u1").roles("CUSTOMER").signWithForeignKey();
            case "expired" -> jwts().builder().subject("u1").roles("CUSTOMER")
                    .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600)).sign();
            case "wrong-audience" -> jwts().builder().subject("u1").audience("someone-else").sign();
            case "wrong-issuer" -> jwts().builder().subject("u1").issuer("https://evil.example/realms/haat").sign();
            case "unsigned" -> jwts().builder().subject("u1").roles("ADMIN").unsigned();
            default -> "not.a.jwt";
        };

        for (String path : new String[] {"/api/v1/cart", "/api/v1/products/p-1"}) {
            client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
                    .expectBody().jsonPath("$.type").isEqualTo("https://haat.io/problems/unauthorized");
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "POST, /api/v1/auth/register,         identity-service, /auth/register",
            "POST, /api/v1/auth/refresh,          identity-service, /auth/refresh",
            "GET,  /api/v1/auth/social/google,    identity-service, /auth/social/google",
            "POST, /api/v1/auth/password/forgot,  identity-service, /auth/password/forgot",
            "GET,  /api/v1/products/p-1/reviews,  catalog-service,  /products/p-1/reviews",
            "GET,  /api/v1/categories,            catalog-service,  /categories",
            "GET,  /api/v1/search,                catalog-service,  /search",
            "POST, /api/v1/search/image,          catalog-service,  /search/image",
            "GET,  /api/v1/stores/s-1/products,   catalog-service,  /stores/s-1/products",
            "GET,  /api/v1/images/i-1,            catalog-service,  /images/i-1",
            "GET,  /api/v1/promotions/active,     catalog-service,  /promotions/active",
            "POST, /api/v1/events/product-view,   catalog-service,  /events/product-view",
            "GET,  /api/v1/stores/s-1,            seller-service,   /stores/s-1",
            "POST, /api/v1/assistant/messages,    notification-service, /assistant/messages",
            "GET,  /api/v1/cart,                  order-service,    /cart",
            "POST, /api/v1/cart/items,            order-service,    /cart/items",
            "PATCH, /api/v1/cart/items/l-1,       order-service,    /cart/items/l-1",
            "DELETE, /api/v1/cart,                order-service,    /cart",
            "GET,  /api/v1/stores/s-1/shipping-methods,      order-service, /stores/s-1/shipping-methods",
            "GET,  /api/v1/stores/s-1/shipping-methods/m-1,  order-service, /stores/s-1/shipping-methods/m-1",
            "GET,  /api/v1/stores/s-1/return-policy,         order-service, /stores/s-1/return-policy"
    })
    void publicEndpointsPassWithoutToken(HttpMethod method, String path, String service, String servicePath) {
        client.method(method).uri(path).header("X-Forwarded-For", freshIp())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.path").isEqualTo(servicePath)
                .jsonPath("$.authorization").doesNotExist();
    }

    @Test
    void onlyTheListedMethodsOfAPublicPathArePublic() {
        client.put().uri("/api/v1/products/p-1").bodyValue("{}").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/stores/mine").exchange().expectStatus().isUnauthorized();
        client.delete().uri("/api/v1/stores/s-1").exchange().expectStatus().isUnauthorized();
        // guests use the cart's lines only: coupons and checkout need a token
        client.post().uri("/api/v1/cart/coupon").bodyValue("{}").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/checkout").bodyValue("{}").exchange().expectStatus().isUnauthorized();
        // anyone reads a store's shipping methods; only its seller (with a token) changes them
        client.post().uri("/api/v1/stores/s-1/shipping-methods").bodyValue("{}").exchange().expectStatus()
                .isUnauthorized();
        client.put().uri("/api/v1/stores/s-1/shipping-methods/m-1").bodyValue("{}").exchange().expectStatus()
                .isUnauthorized();
        client.delete().uri("/api/v1/stores/s-1/shipping-methods/m-1").exchange().expectStatus().isUnauthorized();
        client.put().uri("/api/v1/stores/s-1/return-policy").bodyValue("{}").exchange().expectStatus()
                .isUnauthorized();
        client.get().uri("/api/v1/stores/mine").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("SELLER"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("seller-service").jsonPath("$.path").isEqualTo("/stores/mine");
    }

    @Test
    void anyoneMayListThePaymentMethodsButNotPay() {
        // payment-service is down in these tests: a request that passed the gateway's security gets its 503
        client.get().uri("/api/v1/payment-methods").header("X-Forwarded-For", freshIp()).exchange()
                .expectStatus().isEqualTo(503);
        client.post().uri("/api/v1/payments").bodyValue("{}").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/payments/p-1").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void adminPathsNeedTheAdminRole() {
        client.get().uri("/api/v1/admin/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("CUSTOMER"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://haat.io/problems/forbidden");

        client.get().uri("/api/v1/admin/users?role=SELLER").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("ADMIN"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("identity-service").jsonPath("$.path").isEqualTo("/admin/users");
    }

    @Test
    void sharedPrefixesGoToTheRightService() {
        String token = token("SELLER", "ADMIN");
        Map<String, String> expected = Map.of(
                "/api/v1/stores/s-1/inventory/SKU-1", "seller-service",
                "/api/v1/stores/s-1/analytics/sales", "seller-service",
                "/api/v1/stores/s-1/orders", "order-service",
                "/api/v1/stores/s-1/coupons/SUMMER", "order-service",
                "/api/v1/stores/s-1/returns", "order-service",
                "/api/v1/stores/s-1/shipping-methods/m-1", "order-service",
                "/api/v1/admin/reports/sales", "order-service",
                "/api/v1/admin/alerts", "notification-service",
                "/api/v1/recommendations/me", "catalog-service");
        expected.forEach((path, service) -> client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service).jsonPath("$.path").isEqualTo(path.substring(7)));
    }

    @Test
    void unknownPathsAre404Problems() {
        for (String token : new String[] {null, token("CUSTOMER")}) {
            for (String path : new String[] {"/api/v1/nothing-here", "/api/v2/products", "/favicon.ico", "/"}) {
                client.get().uri(path)
                        .headers(headers -> {
                            if (token != null) {
                                headers.setBearerAuth(token);
                            }
                        })
                        .exchange()
                        .expectStatus().isNotFound()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.type").isEqualTo("https://haat.io/problems/not-found")
                        .jsonPath("$.status").isEqualTo(404);
            }
        }
    }

    @Test
    void apiDocsOfEachServiceArePublicAndKnowTheirPublicPrefix() {
        client.get().uri("/api/v1/catalog-service/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("catalog-service")
                .jsonPath("$.path").isEqualTo("/v3/api-docs")
                .jsonPath("$.forwardedPrefix").isEqualTo("/api/v1");
    }

    @Test
    void actuatorProbesArePublic() {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            client.get().uri(probe).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void noActuatorEndpointBeyondHealthAnswersOnThePublicPort() {
        // metrics and the rest live on the management port (HAAT_MANAGEMENT_PORT), which no ingress routes
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator",
                "/actuator/env", "/actuator/%70rometheus", "/actuator;x=1/prometheus", "//actuator//prometheus",
                "/actuator/prometheus/"}) {
            client.get().uri(URI.create("http://127.0.0.1:" + port + path)).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class).value(body -> assertThat(body).as(path).doesNotContain("jvm_"));
        }
    }
}
