package io.haat.catalog.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.catalog.Api;
import io.haat.catalog.CatalogTest;
import io.haat.catalog.TopicProbe;
import io.haat.events.Topics;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Views and clicks, anonymous or signed in, rate-limited, published in batches on catalog.tracking. */
class TrackingApiTest extends CatalogTest {

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
        Api.Response last = null;
        int accepted = 0;
        for (int i = 0; i < 80 && (last == null || last.status() != 429); i++) {
            last = api.post("/events/product-view", token, Map.of("productId", productId));
            if (last.status() == 202) {
                accepted++;
            }
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(accepted).as("burst of 30 plus what refilled meanwhile").isBetween(30, 60);
        assertThat(last.header("Retry-After")).isNotBlank();
        assertThat(last.json().get("type").asString()).endsWith("/too-many-requests");
        // another client is not affected
        assertThat(api.post("/events/product-view", customer(UUID.randomUUID().toString()),
                Map.of("productId", productId)).status()).isEqualTo(202);
    }
}
