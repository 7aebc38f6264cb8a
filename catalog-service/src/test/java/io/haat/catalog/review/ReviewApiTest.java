package io.haat.catalog.review;

import io.haat.events.orders.SellerOrderStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.catalog.Api;
import io.haat.catalog.CatalogTest;
import io.haat.catalog.TopicProbe;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.SellerOrderStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Reviews: eligibility from order events, once per order line, ratings under concurrency, moderation. */
class ReviewApiTest extends CatalogTest {

    private record Bought(String productId, String storeId, String sku) {
    }

    private Bought product() {
        Seller seller = approvedSellerWithStore();
        JsonNode product = activeProduct(seller, category("Audio"), "Headphones", 5000);
        return new Bought(product.get("id").asString(), seller.storeId(),
                product.get("variants").get(0).get("sku").asString());
    }

    /** The customer ordered the product; when {@code delivered}, that store's part of the order was delivered. */
    private String order(String customerId, Bought bought, boolean delivered) {
        String orderId = UUID.randomUUID().toString();
        String sellerOrderId = UUID.randomUUID().toString();
        Money price = new Money(5000, "NPR");
        TopicProbe.publish(Topics.ORDERS_ORDER, orderId, envelope(new OrderPlaced(orderId, customerId, price,
                List.of(new OrderLine(sellerOrderId, bought.storeId(), bought.productId(), bought.sku(), 1, price))), 0));
        if (delivered) {
            TopicProbe.publish(Topics.ORDERS_ORDER, orderId, envelope(new SellerOrderStatusChanged(sellerOrderId, orderId,
                    bought.storeId(), SellerOrderStatus.DELIVERED, price, Instant.now()), 5));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(Query.query(Criteria.where("orderId").is(orderId)
                .and("delivered").is(delivered)), Purchase.class));
        return orderId;
    }

    private JsonNode rating(String productId) {
        return api.get("/products/" + productId, null).json().get("rating");
    }

    @Test
    void aCustomerReviewsADeliveredOrderLineOnce() {
        Bought bought = product();
        String customerId = UUID.randomUUID().toString();
        String token = customer(customerId);
        Map<String, Object> review = Map.of("rating", 4, "title", "Good", "text", "Clear sound.");

        Api.Response notBought = api.post("/products/" + bought.productId() + "/reviews", token, review);
        assertThat(notBought.status()).isEqualTo(403);
        assertThat(notBought.json().get("type").asString()).endsWith("/review-not-eligible");
        assertThat(notBought.json().get("detail").asString()).contains("delivered");

        order(customerId, bought, false);
        assertThat(api.post("/products/" + bought.productId() + "/reviews", token, review).status()).isEqualTo(403);

        order(customerId, bought, true);
        Api.Response created = api.post("/products/" + bought.productId() + "/reviews", token, review);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("verifiedPurchase").asBoolean()).isTrue();
        Api.Response again = api.post("/products/" + bought.productId() + "/reviews", token, review);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/already-reviewed");

        assertThat(rating(bought.productId()).get("count").asLong()).isEqualTo(1);
        assertThat(rating(bought.productId()).get("average").asDouble()).isEqualTo(4.0);
        assertThat(api.get("/products/" + bought.productId() + "/reviews", null).json().get("items").get(0)
                .get("text").asString()).isEqualTo("Clear sound.");
        assertThat(api.get("/reviews/mine", token).json().get("totalItems").asLong()).isEqualTo(1);

        // a second delivered order of the same product is a second order line: one more review
        order(customerId, bought, true);
        assertThat(api.post("/products/" + bought.productId() + "/reviews", token, Map.of("rating", 2)).status())
                .isEqualTo(201);
        assertThat(rating(bought.productId()).get("count").asLong()).isEqualTo(2);
        assertThat(rating(bought.productId()).get("average").asDouble()).isEqualTo(3.0);
    }

    @Test
    void badReviewsAndSomeoneElsesReviewAreRefused() {
        Bought bought = product();
        String customerId = UUID.randomUUID().toString();
        order(customerId, bought, true);
        String path = "/products/" + bought.productId() + "/reviews";
        assertThat(api.post(path, customer(customerId), Map.of("rating", 6)).status()).isEqualTo(400);
        assertThat(api.post(path, customer(customerId), Map.of("rating", 0)).status()).isEqualTo(400);
        assertThat(api.post(path, customer(customerId), Map.of("rating", 5, "text", "x".repeat(2001))).status())
                .isEqualTo(400);
        assertThat(api.post(path, null, Map.of("rating", 5)).status()).isEqualTo(401);
        assertThat(api.post(path, approvedSellerWithStore().token(), Map.of("rating", 5)).status()).isEqualTo(403);
        assertThat(api.post("/products/" + UUID.randomUUID() + "/reviews", customer(customerId), Map.of("rating", 5))
                .status()).isEqualTo(404);

        String id = api.post(path, customer(customerId), Map.of("rating", 5, "text", "x".repeat(2000))).json()
                .get("id").asString();
        String stranger = customer(UUID.randomUUID().toString());
        assertThat(api.put("/reviews/" + id, stranger, Map.of("rating", 1)).status()).isEqualTo(404);
        assertThat(api.delete("/reviews/" + id, stranger).status()).isEqualTo(404);
        assertThat(rating(bought.productId()).get("distribution").get("5").asLong()).isEqualTo(1);
    }

    @Test
    void ratingsStayRightUnderConcurrentReviewsEditsAndDeletes() throws Exception {
        Bought bought = product();
        int customers = 12;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        // deliver all orders first, then review concurrently
        ids.forEach(id -> order(id, bought, true));
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            int stars = i % 5 + 1;
            String token = customer(ids.get(i));
            calls.add(() -> api.post("/products/" + bought.productId() + "/reviews", token, Map.of("rating", stars)));
        }
        List<String> reviewIds = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                assertThat(f.get().status()).isEqualTo(201);
                reviewIds.add(f.get().json().get("id").asString());
            }
        }
        // stars 1..5 repeated: 1,2,3,4,5,1,2,3,4,5,1,2 → sum 33, distribution 3,3,2,2,2
        JsonNode rating = rating(bought.productId());
        assertThat(rating.get("count").asLong()).isEqualTo(12);
        assertThat(rating.get("average").asDouble()).isEqualTo(2.8);
        assertThat(rating.get("distribution").toString()).isEqualTo("{\"1\":3,\"2\":3,\"3\":2,\"4\":2,\"5\":2}");

        // concurrently: customer 0 edits 1 → 5, customer 1 deletes their 2
        List<Callable<Api.Response>> changes = List.of(
                () -> api.put("/reviews/" + reviewIds.get(0), customer(ids.get(0)), Map.of("rating", 5)),
                () -> api.delete("/reviews/" + reviewIds.get(1), customer(ids.get(1))));
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Future<Api.Response> f : pool.invokeAll(changes)) {
                assertThat(f.get().status()).isIn(200, 204);
            }
        }
        rating = rating(bought.productId());
        assertThat(rating.get("count").asLong()).isEqualTo(11);
        assertThat(rating.get("distribution").toString()).isEqualTo("{\"1\":2,\"2\":2,\"3\":2,\"4\":2,\"5\":3}");
        assertThat(rating.get("average").asDouble()).isEqualTo(3.2); // 35 / 11
    }

    @Test
    void reportedReviewsReachTheAdminsWhoHideAndRestoreThem() {
        Bought bought = product();
        String customerId = UUID.randomUUID().toString();
        order(customerId, bought, true);
        String id = api.post("/products/" + bought.productId() + "/reviews", customer(customerId),
                Map.of("rating", 1, "text", "spam spam")).json().get("id").asString();

        String reporter = customer(UUID.randomUUID().toString());
        assertThat(api.post("/reviews/" + id + "/report", null, Map.of("reason", "spam")).status()).isEqualTo(401);
        assertThat(api.post("/reviews/" + id + "/report", reporter, Map.of("reason", "spam")).status()).isEqualTo(202);
        assertThat(api.post("/reviews/" + id + "/report", reporter, Map.of("reason", "spam")).status()).isEqualTo(202);
        assertThat(api.post("/reviews/" + id + "/report", approvedSellerWithStore().token(), Map.of("reason", "x"))
                .status()).isEqualTo(202);

        assertThat(api.get("/admin/reviews", reporter).status()).isEqualTo(403);
        JsonNode queued = api.get("/admin/reviews?status=REPORTED&size=100", admin()).json().get("items").valueStream()
                .filter(r -> r.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(queued.get("reportCount").asInt()).as("the same user counts once").isEqualTo(2);

        Api.Response hidden = api.post("/admin/reviews/" + id + "/hide", admin(), Map.of("reason", "Spam"));
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.json().get("status").asString()).isEqualTo("HIDDEN");
        assertThat(rating(bought.productId()).get("count").asLong()).isZero();
        assertThat(api.get("/products/" + bought.productId() + "/reviews", null).json().get("totalItems").asLong()).isZero();
        assertThat(api.post("/admin/reviews/" + id + "/hide", admin(), Map.of("reason", "Spam")).status()).isEqualTo(200);
        assertThat(rating(bought.productId()).get("count").asLong()).as("hiding twice counts once").isZero();

        assertThat(api.post("/admin/reviews/" + id + "/restore", admin(), Map.of()).json().get("status").asString())
                .isEqualTo("VISIBLE");
        assertThat(rating(bought.productId()).get("count").asLong()).isEqualTo(1);
        assertThat(api.post("/admin/reviews/" + UUID.randomUUID() + "/restore", admin(), Map.of()).status()).isEqualTo(404);
    }
}
