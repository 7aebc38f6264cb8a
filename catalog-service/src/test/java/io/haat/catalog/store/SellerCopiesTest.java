package io.haat.catalog.store;

import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.StoreStatus;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.haat.catalog.Api;
import io.haat.catalog.CatalogTest;
import io.haat.catalog.SellerServiceStub;
import io.haat.catalog.TopicProbe;
import io.haat.catalog.stock.StockLevel;
import io.haat.events.Topics;
import io.haat.events.inventory.StockLevelChanged;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.events.seller.StoreChanged;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Local copies of stores, sellers and stock from seller-service's events, and the Feign fallback. */
class SellerCopiesTest extends CatalogTest {

    private final WireMockServer sellerService = SellerServiceStub.get();

    private void publishStore(String storeId, String sellerId, StoreStatus status, long version) {
        TopicProbe.publish(Topics.SELLER_STORE, storeId, envelope(new StoreChanged(storeId, sellerId, "Shop", "shop-" + storeId,
                status), version));
    }

    @Test
    void storeAndSellerEventsMakeASellerAbleToListAndASuspensionHidesTheProducts() {
        String userId = UUID.randomUUID().toString();
        String sellerId = UUID.randomUUID().toString();
        String storeId = UUID.randomUUID().toString();
        TopicProbe.publish(Topics.SELLER_SELLER, sellerId, envelope(new SellerStatusChanged(sellerId, userId, "Shop",
                SellerStatus.APPROVED, null), 1));
        publishStore(storeId, sellerId, StoreStatus.ACTIVE, 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> copies.store(storeId).isPresent()
                && copies.seller(sellerId).isPresent());

        Seller seller = new Seller(userId, sellerId, storeId, jwts.token(userId, "SELLER"));
        String productId = activeProduct(seller, category("Events"), "Evented", 700).get("id").asString();
        assertThat(api.get("/products/" + productId, null).status()).isEqualTo(200);

        publishStore(storeId, sellerId, StoreStatus.SUSPENDED, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/products/" + productId, null).status() == 404);
        assertThat(api.get("/products/" + productId, seller.token()).status()).as("the owner still sees it").isEqualTo(200);
        assertThat(api.get("/stores/" + storeId + "/products", null).json().get("totalItems").asLong()).isZero();

        // a late, older event changes nothing; reinstatement shows the products again
        publishStore(storeId, sellerId, StoreStatus.ACTIVE, 0);
        publishStore(storeId, sellerId, StoreStatus.ACTIVE, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/products/" + productId, null).status() == 200);
        assertThat(copies.store(storeId).orElseThrow().version()).isEqualTo(2);

        // a banned seller's products disappear as well
        TopicProbe.publish(Topics.SELLER_SELLER, sellerId, envelope(new SellerStatusChanged(sellerId, userId, "Shop",
                SellerStatus.BANNED, "fraud"), 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/products/" + productId, null).status() == 404);
    }

    @Test
    void stockEventsShowAvailabilityPerVariant() {
        Seller seller = approvedSellerWithStore();
        JsonNode product = activeProduct(seller, category("Stocked"), "Stocked", 100);
        String productId = product.get("id").asString();
        String sku = product.get("variants").get(0).get("sku").asString();
        assertThat(product.get("variants").get(0).get("available").isNull()).isTrue();

        TopicProbe.publish(Topics.SELLER_INVENTORY, seller.storeId() + ":" + sku,
                envelope(new StockLevelChanged(seller.storeId(), sku, 10, 3, 7), 4));
        TopicProbe.publish(Topics.SELLER_INVENTORY, seller.storeId() + ":" + sku,
                envelope(new StockLevelChanged(seller.storeId(), sku, 99, 0, 99), 3)); // older: ignored
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(StockLevel.idOf(seller.storeId(), sku),
                StockLevel.class) != null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode variant = api.get("/products/" + productId, null).json().get("variants").get(0);
            assertThat(variant.get("available").asInt()).isEqualTo(7);
            assertThat(variant.get("inStock").asBoolean()).isTrue();
        });
        assertThat(api.get("/stores/" + seller.storeId() + "/products", null).json().get("items").get(0)
                .get("inStock").asBoolean()).isTrue();
    }

    @Test
    void anUnknownStoreIsAskedFromSellerServiceWithTheCallersToken() {
        String userId = UUID.randomUUID().toString();
        String sellerId = UUID.randomUUID().toString();
        String storeId = UUID.randomUUID().toString();
        sellerService.stubFor(get(urlEqualTo("/stores/" + storeId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"%s","sellerId":"%s","name":"Remote","slug":"remote","description":null,
                         "status":"ACTIVE","version":3}""".formatted(storeId, sellerId))));
        sellerService.stubFor(get(urlEqualTo("/sellers/me")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"%s","userId":"%s","businessName":"Remote Ltd","status":"APPROVED","version":2}"""
                        .formatted(sellerId, userId))));
        String token = jwts.token(userId, "SELLER");

        Api.Response created = api.post("/stores/" + storeId + "/products", token,
                productBody("Remote thing", category("Remote"), List.of(variant(sku("R"), 100, Map.of()))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(copies.store(storeId).orElseThrow().version()).isEqualTo(3);
        sellerService.verify(getRequestedFor(urlEqualTo("/sellers/me"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + token)));

        // another seller asking about that store: known locally now, and not theirs
        Seller other = approvedSellerWithStore();
        assertThat(api.post("/stores/" + storeId + "/products", other.token(),
                productBody("Nope", category("Remote"), List.of(variant(sku("R"), 100, Map.of())))).status()).isEqualTo(404);
    }

    @Test
    void aStoreSellerServiceDoesNotKnowIsNotFoundAndAnOutageIsA503() {
        String missing = UUID.randomUUID().toString();
        sellerService.stubFor(get(urlEqualTo("/stores/" + missing)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://haat.io/problems/not-found\",\"status\":404,\"detail\":\"no\"}")));
        String broken = UUID.randomUUID().toString();
        sellerService.stubFor(get(urlEqualTo("/stores/" + broken)).willReturn(aResponse().withStatus(503)));
        String token = jwts.token(UUID.randomUUID().toString(), "SELLER");
        Map<String, Object> body = productBody("X", category("Nowhere"), List.of(variant(sku("X"), 1, Map.of())));

        assertThat(api.post("/stores/" + missing + "/products", token, body).status()).isEqualTo(404);
        Api.Response outage = api.post("/stores/" + broken + "/products", token, body);
        assertThat(outage.status()).isEqualTo(503);
        assertThat(outage.json().get("type").asString()).endsWith("/service-unavailable");
    }
}
