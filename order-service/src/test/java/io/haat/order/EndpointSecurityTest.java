package io.haat.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every cart and wishlist endpoint: a bad token is 401 everywhere, the wishlist needs a token, a signed-in caller who
 * is not a CUSTOMER is refused with 403 before the body is read; guests may use the cart.
 */
class EndpointSecurityTest extends OrderIntegrationTest {

    private record Endpoint(String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static List<Endpoint> cartEndpoints() {
        String line = "/cart/items/" + UUID.randomUUID();
        return List.of(
                new Endpoint("GET", "/cart", null),
                new Endpoint("POST", "/cart/items", Map.of("productId", "p", "sku", "s", "quantity", 1)),
                new Endpoint("PATCH", line, Map.of("quantity", 1)),
                new Endpoint("DELETE", line, null),
                new Endpoint("DELETE", "/cart", null));
    }

    private static List<Endpoint> wishlistEndpoints() {
        return List.of(
                new Endpoint("GET", "/wishlist", null),
                new Endpoint("POST", "/wishlist", Map.of("productId", "p")),
                new Endpoint("DELETE", "/wishlist/p", null),
                new Endpoint("POST", "/wishlist/p/move-to-cart", null));
    }

    private static List<Endpoint> all() {
        List<Endpoint> all = new ArrayList<>(cartEndpoints());
        all.addAll(wishlistEndpoints());
        return all;
    }

    @Test
    void aBadTokenIs401EvenWhereGuestsAreWelcome() {
        String subject = UUID.randomUUID().toString();
        String expired = JWTS.builder().subject(subject).roles("CUSTOMER").expiresAt(Instant.now().minusSeconds(600)).sign();
        String foreign = JWTS.builder().subject(subject).roles("CUSTOMER").signWithForeignKey();
        String otherAudience = JWTS.builder().subject(subject).roles("CUSTOMER").audience("other-api").sign();
        for (Endpoint endpoint : all()) {
            for (String token : new String[] {expired, foreign, otherAudience, "garbage"}) {
                Response response = call(endpoint.method(), endpoint.path(), token, endpoint.body());
                assertThat(response.status()).as(endpoint.toString()).isEqualTo(401);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void theWishlistNeedsAToken() {
        for (Endpoint endpoint : wishlistEndpoints()) {
            Response response = call(endpoint.method(), endpoint.path(), null, endpoint.body());
            assertThat(response.status()).as(endpoint.toString()).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void guestsMayUseTheCartWithoutAToken() {
        for (Endpoint endpoint : cartEndpoints()) {
            Response response = call(endpoint.method(), endpoint.path(), null, endpoint.body());
            assertThat(response.status()).as(endpoint.toString()).isNotIn(401, 403, 500);
        }
    }

    @Test
    void sellersAdminsAndAgentsAreForbiddenBeforeTheBodyIsRead() {
        for (String role : new String[] {"SELLER", "ADMIN", "DELIVERY_AGENT"}) {
            String token = user(role).token();
            for (Endpoint endpoint : all()) {
                Response response = call(endpoint.method(), endpoint.path(), token, endpoint.body());
                assertThat(response.status()).as(role + " " + endpoint).isEqualTo(403);
                assertThat(response.problemType()).as(endpoint.toString()).endsWith("/forbidden");
            }
            Response badBody = call("POST", "/cart/items", token, Map.of("quantity", -1));
            assertThat(badBody.status()).as(role + " with a bad body").isEqualTo(403);
            assertThat(call("POST", "/wishlist", token, "{\"productId\": ").status()).isEqualTo(403);
        }
    }
}
