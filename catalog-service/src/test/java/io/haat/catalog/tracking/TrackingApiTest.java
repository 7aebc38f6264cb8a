package io.haat.catalog.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.catalog.Api;
import io.haat.catalog.CatalogTest;
import io.haat.catalog.TopicProbe;
import io.haat.events.Topics;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Views and clicks, anonymous or signed in, rate-limited, published in batches on catalog.tracking. */
class TrackingApiTest extends CatalogTest {

    @Autowired
    private TrackingProperties limits;

    @Test
    void anonymousViewsAndSignedInClicksArePublishedForTheStore() {
        Seller seller = approvedSellerWithStore();
        String productId = activeProduct(seller, category("Tracked"), "Tracked thing", 100).get("id").asString();
        String userId = UUID.randomUUID().toString();

        assertThat(api.post("/events/product-view", null, Map.of("productId", productId)).status()).isEqualTo(202);
        assertThat(api.post("/events/search-click", customer(userId),
                Map.of("productId", productId, "query", "thing", "position", 2)).status()).isEqualTo(202);

        var records = TopicProbe.await(Topics.CATALOG_TRACKING, r -> productId.equals(r.key()), 2);
        JsonNode view = records.stream().map(r -> json.readTree(r.value()))
                .filter(e -> e.get("payload").get("kind").asString().equals("PRODUCT_VIEW")).findFirst().orElseThrow();
        assertThat(view.get("type").asString()).isEqualTo("ProductTracked");
        assertThat(view.get("payload").get("storeId").asString()).isEqualTo(seller.storeId());
        assertThat(view.get("payload").get("userId").isNull()).isTrue();
        JsonNode click = records.stream().map(r -> json.readTree(r.value()))
                .filter(e -> e.get("payload").get("kind").asString().equals("SEARCH_CLICK")).findFirst().orElseThrow();
        assertThat(click.get("payload").get("userId").asString()).isEqualTo(userId);
    }

    @Test
    void unknownOrHiddenProductsAndBadBodiesAreRefused() {
        Seller seller = approvedSellerWithStore();
        String draft = createProduct(seller, category("Hidden"), "Hidden", 100).get("id").asString();
        assertThat(api.post("/events/product-view", null, Map.of("productId", UUID.randomUUID().toString())).status())
                .isEqualTo(404);
        assertThat(api.post("/events/product-view", null, Map.of("productId", draft)).status()).isEqualTo(404);
        assertThat(api.post("/events/search-click", null, Map.of()).status()).isEqualTo(400);
        assertThat(api.post("/events/product-view", "not-a-jwt", Map.of("productId", draft)).status()).isEqualTo(401);
    }

    @Test
    void aClientSendingTooManyEventsIsToldToSlowDown() {
        Seller seller = approvedSellerWithStore();
        String productId = activeProduct(seller, category("Busy"), "Busy", 100).get("id").asString();
        String token = customer(UUID.randomUUID().toString());

        Flood flood = flood(() -> api.post("/events/product-view", token, Map.of("productId", productId)));

        assertThat(flood.last().header("Retry-After")).isNotBlank();
        assertThat(flood.last().json().get("type").asString()).endsWith("/too-many-requests");
        assertThat(flood.last().json().get("retryAfterSeconds").asLong()).isPositive();
        // another client is not affected
        assertThat(api.post("/events/product-view", customer(UUID.randomUUID().toString()),
                Map.of("productId", productId)).status()).isEqualTo(202);
    }

    @Test
    void anonymousClientsBehindTheGatewayAreLimitedByTheirOwnAddress() {
        Seller seller = approvedSellerWithStore();
        String productId = activeProduct(seller, category("Crowd"), "Crowd", 100).get("id").asString();
        // this test client is on loopback, which the service trusts as its gateway (haat.web.trusted-proxies)
        String first = "198.51.100." + (1 + (int) (Math.random() * 120));
        String second = "198.51.100." + (130 + (int) (Math.random() * 120));

        flood(() -> api.post("/events/product-view", null, Map.of("productId", productId), "X-Forwarded-For", first));

        assertThat(api.post("/events/product-view", null, Map.of("productId", productId), "X-Forwarded-For", second)
                .status()).as("another address has a bucket of its own").isEqualTo(202);
    }

    private record Flood(int accepted, Api.Response last) {
    }

    /**
     * Sends until refused: the burst passes, then a 429. However slow the machine, no more may pass than the burst
     * plus what the sustained rate refilled during the time measured around the loop.
     */
    private Flood flood(java.util.function.Supplier<Api.Response> send) {
        long start = System.nanoTime();
        Api.Response last = null;
        int accepted = 0;
        for (int i = 0; i < 2_000 && (last == null || last.status() != 429); i++) {
            last = send.get();
            if (last.status() == 202) {
                accepted++;
            }
        }
        double elapsedSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(last.status()).isEqualTo(429);
        int burst = limits.burst();
        int perMinute = limits.perClientPerMinute();
        assertThat(accepted).as("burst of %d, plus %d/min refilled over %.1f s", burst, perMinute, elapsedSeconds)
                .isBetween(burst, burst + (int) Math.ceil(elapsedSeconds * perMinute / 60.0) + 1);
        return new Flood(accepted, last);
    }
}
