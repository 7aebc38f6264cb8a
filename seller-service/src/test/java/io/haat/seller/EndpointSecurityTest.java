package io.haat.seller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every endpoint: no token 401, wrong role 403, another seller's store 404; public pages open to all. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointSecurityTest extends SellerIntegrationTest {

    private SellerAccount owner;
    private String storeId;
    private String slug;

    private record Endpoint(String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void aStoreWithStock() {
        owner = approvedSeller();
        storeId = createStore(owner, "Guarded");
        slug = get("/stores/" + storeId, null).body().path("slug").asString();
        setStock(owner, storeId, "G-1", 5, 1);
    }

    private List<Endpoint> sellerEndpoints() {
        String store = "/stores/" + storeId;
        return List.of(
                new Endpoint("POST", "/sellers/apply", application("Customer Shop")),
                new Endpoint("GET", "/sellers/me", null),
                new Endpoint("POST", "/stores", Map.of("name", "Not yours")),
                new Endpoint("GET", "/stores/mine", null),
                new Endpoint("PUT", store, Map.of("name", "Renamed")),
                new Endpoint("DELETE", store, null),
                new Endpoint("PUT", store + "/inventory/G-1", Map.of("quantity", 0)));
    }

    /** Store-scoped endpoints a seller may call on their own store only (admins may read). */
    private List<Endpoint> storeReadEndpoints() {
        String store = "/stores/" + storeId;
        return List.of(
                new Endpoint("GET", store + "/inventory", null),
                new Endpoint("GET", store + "/inventory/alerts", null),
                new Endpoint("GET", store + "/inventory/G-1", null),
                new Endpoint("GET", store + "/inventory/G-1/history", null),
                new Endpoint("GET", store + "/analytics/sales?granularity=week", null),
                new Endpoint("GET", store + "/analytics/products", null));
    }

    private List<Endpoint> adminEndpoints() {
        String seller = "/admin/sellers/" + owner.sellerId();
        return List.of(
                new Endpoint("GET", "/admin/sellers?status=PENDING", null),
                new Endpoint("GET", seller, null),
                new Endpoint("POST", seller + "/approve", null),
                new Endpoint("POST", seller + "/reject", Map.of("reason", "no")),
                new Endpoint("POST", seller + "/ban", Map.of("reason", "no")),
                new Endpoint("POST", seller + "/unban", null),
                new Endpoint("GET", "/admin/commissions/default", null),
                new Endpoint("PUT", "/admin/commissions/default", Map.of("basisPoints", 1)),
                new Endpoint("GET", "/admin/commissions/sellers/" + owner.sellerId(), null),
                new Endpoint("PUT", "/admin/commissions/sellers/" + owner.sellerId(), Map.of("basisPoints", 1)),
                new Endpoint("GET", "/admin/commissions/stores/" + storeId, null),
                new Endpoint("PUT", "/admin/commissions/stores/" + storeId, Map.of("basisPoints", 1)),
                new Endpoint("GET", "/admin/commissions/applicable?storeId=" + storeId, null),
                new Endpoint("GET", "/admin/stores?status=ACTIVE", null),
                new Endpoint("POST", "/admin/stores/" + storeId + "/suspend", Map.of("reason", "no")),
                new Endpoint("POST", "/admin/stores/" + storeId + "/reinstate", null));
    }

    private List<Endpoint> all() {
        List<Endpoint> all = new ArrayList<>(sellerEndpoints());
        all.addAll(storeReadEndpoints());
        all.addAll(adminEndpoints());
        return all;
    }

    @Test
    void everyEndpointRefusesACallWithoutAValidTokenWith401Problem() {
        String expired = JWTS.builder().subject(owner.userId()).roles("SELLER").expiresAt(Instant.now().minusSeconds(600))
                .sign();
        String foreign = JWTS.builder().subject(owner.userId()).roles("SELLER").signWithForeignKey();
        String otherAudience = JWTS.builder().subject(owner.userId()).roles("SELLER").audience("other-api").sign();
        for (Endpoint endpoint : all()) {
            for (String token : new String[] {null, expired, foreign, otherAudience, "garbage"}) {
                Response response = call(endpoint.method(), endpoint.path(), token, endpoint.body());
                assertThat(response.status()).as(endpoint + " with " + (token == null ? "no token" : "bad token"))
                        .isEqualTo(401);
                assertThat(response.header("Content-Type")).as(endpoint.toString()).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void aCustomerIsForbiddenEverywhere() {
        String customer = user("CUSTOMER").token();
        for (Endpoint endpoint : all()) {
            Response response = call(endpoint.method(), endpoint.path(), customer, endpoint.body());
            assertThat(response.status()).as(endpoint.toString()).isEqualTo(403);
            assertThat(response.problemType()).as(endpoint.toString()).endsWith("/forbidden");
        }
        assertThat(get("/stores/" + storeId + "/inventory/G-1", owner.token()).body().path("quantity").asInt())
                .isEqualTo(5);
    }

    @Test
    void theWrongRoleIs403BeforeTheBodyIsReadOrValidated() {
        String customer = user("CUSTOMER").token();
        for (Response response : List.of(
                call("PUT", "/admin/commissions/default", customer, Map.of("basisPoints", -5)),
                call("POST", "/stores", customer, Map.of("name", "")),
                call("PUT", "/stores/" + storeId + "/inventory/G-1", customer, Map.of("quantity", -1, "adjustBy", 2)),
                call("PUT", "/stores/" + storeId + "/inventory/G-1", customer, "{\"quantity\": "))) {
            assertThat(response.status()).as(response.body().toString()).isEqualTo(403);
            assertThat(response.problemType()).endsWith("/forbidden");
        }
        assertThat(call("PUT", "/admin/commissions/default", admin().token(), Map.of("basisPoints", -5)).status())
                .as("the same body from an admin is validated").isEqualTo(400);
    }

    @Test
    void sellersAreForbiddenFromAdminEndpoints() {
        for (Endpoint endpoint : adminEndpoints()) {
            Response response = call(endpoint.method(), endpoint.path(), owner.token(), endpoint.body());
            assertThat(response.status()).as(endpoint.toString()).isEqualTo(403);
        }
        assertThat(get("/sellers/me", owner.token()).body().path("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void anotherSellersStoreIsNotFoundOnEveryStoreEndpoint() {
        SellerAccount other = approvedSeller();
        List<Endpoint> scoped = new ArrayList<>(storeReadEndpoints());
        scoped.addAll(sellerEndpoints().stream().filter(e -> e.path().startsWith("/stores/" + storeId)).toList());
        for (Endpoint endpoint : scoped) {
            Response response = call(endpoint.method(), endpoint.path(), other.token(), endpoint.body());
            assertThat(response.status()).as(endpoint.toString()).isEqualTo(404);
            assertThat(response.body().toString()).as(endpoint.toString()).doesNotContain("Guarded");
        }
        assertThat(get("/stores/" + storeId, null).body().path("name").asString()).isEqualTo("Guarded");
    }

    @Test
    void anAdminAskingForAStoreThatDoesNotExistGets404() {
        String ghost = "/admin/stores/" + java.util.UUID.randomUUID();
        for (Response response : List.of(call("POST", ghost + "/suspend", admin().token(), Map.of("reason", "no")),
                call("POST", ghost + "/reinstate", admin().token(), null))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(get("/stores/" + storeId, null).body().path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void theStorePagesArePublic() {
        assertThat(get("/stores/" + storeId, null).status()).isEqualTo(200);
        assertThat(get("/stores/by-slug/" + slug, null).status()).isEqualTo(200);
        assertThat(get("/stores/" + storeId, user("CUSTOMER").token()).status()).isEqualTo(200);
        assertThat(get("/stores/by-slug/no-such-store", null).status()).isEqualTo(404);
    }
}
