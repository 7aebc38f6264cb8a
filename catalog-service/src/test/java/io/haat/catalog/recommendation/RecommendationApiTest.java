package io.haat.catalog.recommendation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.catalog.Api;
import io.haat.catalog.CatalogTest;
import io.haat.catalog.OrderServiceStub;
import io.haat.catalog.TopicProbe;
import io.haat.catalog.imagesearch.SyntheticPictures;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The recommendation endpoints on the running service: co-purchases learnt from {@code orders.order}, co-views from
 * {@code catalog.tracking}, content and look-alike images, the caller's history and wishlist; inactive products
 * never recommended; security and validation.
 */
class RecommendationApiTest extends CatalogTest {

    private static final Money PRICE = new Money(1000, "NPR");

    private String product(Seller seller, String categoryId, String name) {
        return activeProduct(seller, categoryId, name, 1000).get("id").asString();
    }

    /** An order of these products, published as order-service would. */
    private void order(String customerId, Seller seller, String... productIds) {
        String orderId = UUID.randomUUID().toString();
        List<OrderLine> lines = new ArrayList<>();
        for (String productId : productIds) {
            lines.add(new OrderLine("so-" + orderId, seller.storeId(), productId, "SKU-" + productId, 1, PRICE));
        }
        TopicProbe.publish(Topics.ORDERS_ORDER, orderId, envelope(new OrderPlaced(orderId, customerId,
                new Money(PRICE.amountMinor() * productIds.length, "NPR"), lines, null), 0));
    }

    private List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("productId").asString()));
        return ids;
    }

    private JsonNode item(Api.Response response, String productId) {
        for (JsonNode item : response.json().get("items")) {
            if (item.get("productId").asString().equals(productId)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void boughtTogetherRanksCoPurchasesAndNeverAnInactiveProduct() {
        Seller seller = approvedSellerWithStore();
        String categoryId = category("Phones");
        String phone = product(seller, categoryId, "Phone");
        String caseFor = product(seller, categoryId, "Phone case");
        String charger = product(seller, categoryId, "Charger");
        String banned = product(seller, categoryId, "Fake charger");
        String customer = UUID.randomUUID().toString();
        order(customer, seller, phone, caseFor);
        order(UUID.randomUUID().toString(), seller, phone, caseFor, banned);
        order(UUID.randomUUID().toString(), seller, phone, charger);
        order(UUID.randomUUID().toString(), seller, phone, banned);
        assertThat(api.post("/admin/products/" + banned + "/ban", admin(), Map.of("reason", "Fake")).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ids(api.get("/products/" + phone + "/bought-together", null)))
                        .containsExactly(caseFor, charger));
        Api.Response together = api.get("/products/" + phone + "/bought-together?limit=1", null);
        assertThat(ids(together)).containsExactly(caseFor);
        JsonNode first = together.json().get("items").get(0);
        assertThat(first.get("name").asString()).isEqualTo("Phone case");
        assertThat(first.get("price").get("amountMinor").asLong()).isEqualTo(1000);
        assertThat(first.get("rating").asDouble()).isZero();
        assertThat(first.get("reason").asString()).isEqualTo("bought-together");

        // a redelivered order counts once
        assertThat(ids(api.get("/products/" + caseFor + "/bought-together", null))).containsExactly(phone);
        assertThat(api.get("/products/" + banned + "/bought-together", null).status()).isEqualTo(404);
        assertThat(api.get("/products/" + UUID.randomUUID() + "/similar", null).status()).isEqualTo(404);
        assertThat(api.get("/products/" + phone + "/bought-together?limit=0", null).status()).isEqualTo(400);
        assertThat(api.get("/products/" + phone + "/bought-together?limit=5000", null).status()).isEqualTo(200);
    }

    @Test
    void similarBlendsContentCoViewsAndLookAlikeImages() {
        Seller seller = approvedSellerWithStore();
        String shoes = category("Shoes");
        String bags = category("Bags");
        String runner = product(seller, shoes, "Trail running shoe");
        String sameKind = product(seller, shoes, "Road running shoe");
        String viewedWith = product(seller, bags, "Gym bag");
        String looksLike = product(seller, bags, "Printed tote");
        String unrelated = product(seller, bags, "Leather briefcase");
        String draft = createProduct(seller, shoes, "Running shoe draft", 1000).get("id").asString();
        byte[] picture = SyntheticPictures.png(SyntheticPictures.product(2000));
        assertThat(api.upload("/products/" + runner + "/images", seller.token(), "a.png", "image/png", picture)
                .status()).isEqualTo(201);
        assertThat(api.upload("/products/" + looksLike + "/images", seller.token(), "b.png", "image/png", picture)
                .status()).isEqualTo(201);
        String viewer = customer(UUID.randomUUID().toString());
        for (String viewed : List.of(runner, viewedWith)) {
            assertThat(api.post("/events/product-view", viewer, Map.of("productId", viewed)).status()).isEqualTo(202);
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response similar = api.get("/products/" + runner + "/similar", null);
            assertThat(ids(similar)).contains(sameKind, viewedWith, looksLike).doesNotContain(runner, draft);
            assertThat(item(similar, viewedWith).get("reason").asString()).isEqualTo("also-viewed");
        });
        Api.Response similar = api.get("/products/" + runner + "/similar", null);
        assertThat(item(similar, looksLike).get("reason").asString()).isEqualTo("looks-similar");
        assertThat(item(similar, sameKind).get("reason").asString()).isEqualTo("similar");
        List<String> ranked = ids(similar);
        assertThat(ranked.indexOf(sameKind)).isLessThan(ranked.contains(unrelated) ? ranked.indexOf(unrelated)
                : Integer.MAX_VALUE);
    }

    @Test
    void forMeUsesPurchasesViewsAndWishlistAndNeverWhatWasBought() {
        Seller seller = approvedSellerWithStore();
        String categoryId = category("Kitchen");
        String kettle = product(seller, categoryId, "Kettle");
        String teapot = product(seller, categoryId, "Teapot");
        String wished = product(seller, categoryId, "Coffee grinder");
        String userId = UUID.randomUUID().toString();
        String token = customer(userId);
        OrderServiceStub.get().stubFor(get(urlPathEqualTo("/wishlist"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"items\": [{\"productId\": \"" + wished + "\", \"name\": \"Coffee grinder\"}],"
                        + " \"page\": 0, \"size\": 50, \"totalItems\": 1}")));
        order(UUID.randomUUID().toString(), seller, kettle, teapot);
        order(userId, seller, kettle);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response mine = api.get("/recommendations/me", token);
            assertThat(ids(mine)).contains(teapot, wished).doesNotContain(kettle);
            assertThat(item(mine, teapot).get("reason").asString()).isEqualTo("bought-together");
            assertThat(item(mine, wished).get("reason").asString()).isEqualTo("wishlist");
        });
        assertThat(ids(api.get("/recommendations/me?limit=2", token))).hasSize(2);
    }

    @Test
    void aNewCustomerGetsPopularProductsAndOnlyPublicOnes() {
        Seller seller = approvedSellerWithStore();
        String categoryId = category("Popular");
        String hit = product(seller, categoryId, "Best seller");
        String archived = product(seller, categoryId, "Archived best seller");
        for (int i = 0; i < 3; i++) {
            order(UUID.randomUUID().toString(), seller, hit, archived);
        }
        assertThat(api.post("/products/" + archived + "/archive", seller.token(), Map.of()).status()).isEqualTo(200);

        String newcomer = customer(UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response mine = api.get("/recommendations/me?limit=50", newcomer);
            assertThat(ids(mine)).contains(hit).doesNotContain(archived);
            assertThat(item(mine, hit).get("reason").asString()).isEqualTo("popular");
        });
    }

    @Test
    void forMeNeedsAToken() {
        Api.Response anonymous = api.get("/recommendations/me", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/recommendations/me", "not-a-jwt").status()).isEqualTo(401);
        // a seller may ask too (no wishlist for them); the product lists are public
        assertThat(api.get("/recommendations/me", jwts.token(UUID.randomUUID().toString(), "SELLER")).status())
                .isEqualTo(200);
    }
}
