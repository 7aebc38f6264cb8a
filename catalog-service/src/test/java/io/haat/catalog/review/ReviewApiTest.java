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
import io.haat.events.orders.SellerOrderTotals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
                List.of(new OrderLine(sellerOrderId, bought.storeId(), bought.productId(), bought.sku(), 1, price)),
                List.of(SellerOrderTotals.undiscounted(sellerOrderId, bought.storeId(), "seller-1", price))), 0));
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

    /** Delivered orders of {@code bought} for every customer, published at once and awaited together. */
    private void deliveredOrders(List<String> customerIds, Bought bought) {
        Money price = new Money(5000, "NPR");
        List<String> orderIds = new ArrayList<>();
        for (String customerId : customerIds) {
            String orderId = UUID.randomUUID().toString();
            String sellerOrderId = UUID.randomUUID().toString();
            orderIds.add(orderId);
            TopicProbe.publish(Topics.ORDERS_ORDER, orderId, envelope(new OrderPlaced(orderId, customerId, price,
                    List.of(new OrderLine(sellerOrderId, bought.storeId(), bought.productId(), bought.sku(), 1, price)),
                List.of(SellerOrderTotals.undiscounted(sellerOrderId, bought.storeId(), "seller-1", price))), 0));
            TopicProbe.publish(Topics.ORDERS_ORDER, orderId, envelope(new SellerOrderStatusChanged(sellerOrderId, orderId,
                    bought.storeId(), SellerOrderStatus.DELIVERED, price, Instant.now()), 5));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(Query.query(Criteria.where("orderId").in(orderIds)
                .and("delivered").is(true)), Purchase.class) == orderIds.size());
    }

    /** Runs every call at once: each waits on one start latch, so they hit the service together. */
    private static List<Api.Response> together(List<Callable<Api.Response>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (Callable<Api.Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                responses.add(f.get(120, TimeUnit.SECONDS));
            }
            return responses;
        }
    }

    /** The rating counters as stored in the product document: count, sum, star1..star5. */
    private long[] storedRating(String productId) {
        org.bson.Document rating = mongo.findById(productId, org.bson.Document.class, "products")
                .get("rating", org.bson.Document.class);
        long[] stored = new long[7];
        String[] keys = {"count", "sum", "star1", "star2", "star3", "star4", "star5"};
        for (int i = 0; i < keys.length; i++) {
            stored[i] = rating.get(keys[i]) instanceof Number n ? n.longValue() : 0;
        }
        return stored;
    }

    /** The same counters recomputed from the product's visible reviews. */
    private long[] recomputedRating(String productId) {
        long[] expected = new long[7];
        for (Review r : mongo.find(Query.query(Criteria.where("productId").is(productId)
                .and("status").is(ReviewStatus.VISIBLE)), Review.class)) {
            expected[0]++;
            expected[1] += r.rating();
            expected[1 + r.rating()]++;
        }
        return expected;
    }

    @Test
    void ratingsStayExactUnderAHundredConcurrentReviewsEditsAndDeletes() throws Exception {
        Seller seller = approvedSellerWithStore();
        String categoryId = category("Rated");
        Bought bought = bought(activeProduct(seller, categoryId, "Popular", 5000), seller);
        int customers = 120;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        deliveredOrders(ids, bought);

        List<Callable<Api.Response>> reviews = new ArrayList<>();
        long[] expected = new long[7];
        for (int i = 0; i < customers; i++) {
            int stars = i % 5 + 1;
            expected[0]++;
            expected[1] += stars;
            expected[1 + stars]++;
            String token = customer(ids.get(i));
            reviews.add(() -> api.post("/products/" + bought.productId() + "/reviews", token, Map.of("rating", stars)));
        }
        List<Api.Response> created = together(reviews);

        assertThat(created).extracting(Api.Response::status).containsOnly(201);
        // 120 reviews, 24 of each star: count 120, sum 360, exactly, as stored (not the rounded average)
        assertThat(expected).containsExactly(120, 360, 24, 24, 24, 24, 24);
        assertThat(storedRating(bought.productId())).containsExactly(expected);
        assertThat(rating(bought.productId()).get("average").asDouble()).isEqualTo(3.0);

        // concurrently: 30 authors edit their review to 5 stars, 30 others delete theirs
        List<Callable<Api.Response>> changes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String reviewId = created.get(i).json().get("id").asString();
            String token = customer(ids.get(i));
            changes.add(i % 2 == 0 ? () -> api.put("/reviews/" + reviewId, token, Map.of("rating", 5))
                    : () -> api.delete("/reviews/" + reviewId, token));
        }
        assertThat(together(changes)).extracting(Api.Response::status).containsOnly(200, 204);

        // left: 60 untouched (12 of each star) + 30 edited to 5 stars = 90 reviews, sum 180 + 150 = 330
        assertThat(recomputedRating(bought.productId())).containsExactly(90, 330, 12, 12, 12, 12, 42);
        assertThat(storedRating(bought.productId())).containsExactly(90, 330, 12, 12, 12, 12, 42);

        // sorting by rating uses the stored average (330 / 90 = 3.67): 4.5, then 3.67, then 3.5, then none
        Bought lower = bought(activeProduct(seller, categoryId, "Lower", 5000), seller);
        Bought higher = bought(activeProduct(seller, categoryId, "Higher", 5000), seller);
        activeProduct(seller, categoryId, "Unrated", 5000);
        reviewWith(higher, 4, 5);
        reviewWith(lower, 3, 4);
        List<String> names = api.get("/categories/" + categoryId + "/products?sort=rating", null).json()
                .get("items").valueStream().map(p -> p.get("name").asString()).toList();
        assertThat(names).containsExactly("Higher", "Popular", "Lower", "Unrated");

        // the product's reviews sorted by rating, both ways
        List<Integer> desc = api.get("/products/" + bought.productId() + "/reviews?sort=rating_desc&size=100", null)
                .json().get("items").valueStream().map(r -> r.get("rating").asInt()).toList();
        assertThat(desc).hasSize(90).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        List<Integer> asc = api.get("/products/" + bought.productId() + "/reviews?sort=rating_asc&size=100", null)
                .json().get("items").valueStream().map(r -> r.get("rating").asInt()).toList();
        assertThat(asc).isSorted().first().isEqualTo(1);
    }

    private static Bought bought(JsonNode product, Seller seller) {
        return new Bought(product.get("id").asString(), seller.storeId(),
                product.get("variants").get(0).get("sku").asString());
    }

    /** Two delivered orders of the product by two customers who review it with these stars. */
    private void reviewWith(Bought bought, int starsOne, int starsTwo) {
        List<String> reviewers = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        deliveredOrders(reviewers, bought);
        assertThat(api.post("/products/" + bought.productId() + "/reviews", customer(reviewers.get(0)),
                Map.of("rating", starsOne)).status()).isEqualTo(201);
        assertThat(api.post("/products/" + bought.productId() + "/reviews", customer(reviewers.get(1)),
                Map.of("rating", starsTwo)).status()).isEqualTo(201);
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
        // restoring a visible review with no open report is a no-op: still one restore
        assertThat(api.post("/admin/reviews/" + id + "/restore", admin(), Map.of()).status()).isEqualTo(200);

        // the author's side: one event per real change, in order (hiding twice and restoring twice raised one each)
        List<JsonNode> events = TopicProbe.await(Topics.CATALOG_REVIEW, r -> id.equals(r.key()), 2).stream()
                .map(r -> json.readTree(r.value())).toList();
        assertThat(events).extracting(e -> e.get("type").asString()).containsExactly("ReviewHidden", "ReviewRestored");
        assertThat(events.getFirst().get("payload").get("reason").asString()).isEqualTo("Spam");
        assertThat(events.getFirst().get("payload").get("authorId").asString()).isEqualTo(customerId);
    }

    @Test
    void aHiddenOrDeletedReviewCannotBeDeletedAndPostedAgainForTheSameOrderLine() {
        Bought bought = product();
        String customerId = UUID.randomUUID().toString();
        String token = customer(customerId);
        order(customerId, bought, true);
        String path = "/products/" + bought.productId() + "/reviews";
        String id = api.post(path, token, Map.of("rating", 1, "text", "abusive words")).json().get("id").asString();
        assertThat(api.post("/admin/reviews/" + id + "/hide", admin(), Map.of("reason", "Abuse")).status())
                .isEqualTo(200);

        // the author deletes the hidden review and posts it again: the line stays reviewed
        assertThat(api.delete("/reviews/" + id, token).status()).isEqualTo(204);
        Api.Response again = api.post(path, token, Map.of("rating", 1, "text", "abusive words"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/already-reviewed");
        assertThat(api.get(path, null).json().get("totalItems").asLong()).isZero();
        assertThat(rating(bought.productId()).get("count").asLong()).isZero();

        // deleted: gone for its author (404, not in their list) and for the admins' restore
        assertThat(api.delete("/reviews/" + id, token).status()).isEqualTo(404);
        assertThat(api.put("/reviews/" + id, token, Map.of("rating", 5)).status()).isEqualTo(404);
        assertThat(api.get("/reviews/mine", token).json().get("totalItems").asLong()).isZero();
        assertThat(api.post("/admin/reviews/" + id + "/restore", admin(), Map.of()).status()).isEqualTo(409);
        Review tombstone = mongo.findById(id, Review.class);
        assertThat(tombstone.status()).isEqualTo(ReviewStatus.DELETED);
        assertThat(tombstone.text()).as("the text is erased").isNull();
        assertThat(tombstone.moderationReason()).isEqualTo("Abuse");

        // a visible review, deleted, cannot be posted anew either; a second delivered line still can be reviewed
        order(customerId, bought, true);
        String second = api.post(path, token, Map.of("rating", 4)).json().get("id").asString();
        assertThat(rating(bought.productId()).get("count").asLong()).isEqualTo(1);
        assertThat(api.delete("/reviews/" + second, token).status()).isEqualTo(204);
        assertThat(rating(bought.productId()).get("count").asLong()).isZero();
        assertThat(api.post(path, token, Map.of("rating", 5)).status()).isEqualTo(409);
    }

    @Test
    void reportsPerReviewAreCapped() {
        Bought bought = product();
        String customerId = UUID.randomUUID().toString();
        order(customerId, bought, true);
        String id = api.post("/products/" + bought.productId() + "/reviews", customer(customerId),
                Map.of("rating", 3)).json().get("id").asString();
        for (int i = 0; i < Review.MAX_REPORTS + 5; i++) {
            assertThat(api.post("/reviews/" + id + "/report", customer(UUID.randomUUID().toString()),
                    Map.of("reason", "spam " + i)).status()).isEqualTo(202);
        }
        Review stored = mongo.findById(id, Review.class);
        assertThat(stored.reports()).hasSize(Review.MAX_REPORTS);
        assertThat(stored.reportCount()).isEqualTo(Review.MAX_REPORTS);
        assertThat(stored.reported()).isTrue();
    }

    private String customerNamed(String customerId, String given, String family) {
        return jwts.builder().subject(customerId).roles("CUSTOMER").username("sita.karki@example.com")
                .email("sita.karki@example.com").name(given + " " + family).claim("given_name", given)
                .claim("family_name", family).sign();
    }

    @Test
    void reviewsShowTheReviewNameNeverTheFullName() {
        Bought bought = product();
        String customerId = UUID.randomUUID().toString();
        String sita = customerNamed(customerId, "Sita", "Karki");
        order(customerId, bought, true);
        order(customerId, bought, true);
        String path = "/products/" + bought.productId() + "/reviews";

        Api.Response created = api.post(path, sita, Map.of("rating", 5, "text", "Lovely"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("authorName").asString()).isEqualTo("Sita K.");
        Api.Response shown = api.get(path, null);
        assertThat(shown.json().get("items").get(0).get("authorName").asString()).isEqualTo("Sita K.");
        assertThat(shown.body()).doesNotContain("Karki").doesNotContain("example.com");
        Api.Response name = api.get("/reviews/mine/name", sita);
        assertThat(name.status()).isEqualTo(200);
        assertThat(name.json().get("name").asString()).isEqualTo("Sita K.");
        assertThat(name.json().get("chosen").asBoolean()).isFalse();

        // another customer's review, to see that a choice changes only the chooser's reviews
        String otherId = UUID.randomUUID().toString();
        order(otherId, bought, true);
        api.post(path, customerNamed(otherId, "Hari", "Shrestha"), Map.of("rating", 4));

        Api.Response chosen = api.put("/reviews/mine/name", sita, Map.of("name", "  Sita   from Pokhara "));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(chosen.json().get("name").asString()).isEqualTo("Sita from Pokhara");
        assertThat(chosen.json().get("chosen").asBoolean()).isTrue();
        assertThat(api.post(path, sita, Map.of("rating", 4)).json().get("authorName").asString())
                .isEqualTo("Sita from Pokhara");
        List<String> names = api.get(path + "?size=100", null).json().get("items").valueStream()
                .map(r -> r.get("authorName").asString()).toList();
        assertThat(names).containsExactlyInAnyOrder("Sita from Pokhara", "Sita from Pokhara", "Hari S.");
        assertThat(api.get("/reviews/mine", sita).json().get("items").get(0).get("authorName").asString())
                .isEqualTo("Sita from Pokhara");

        Api.Response reset = api.delete("/reviews/mine/name", sita);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("name").asString()).isEqualTo("Sita K.");
        assertThat(api.get(path + "?size=100", null).json().get("items").valueStream()
                .map(r -> r.get("authorName").asString()).toList())
                .containsExactlyInAnyOrder("Sita K.", "Sita K.", "Hari S.");
    }

    @Test
    void theReviewNameEndpointsAreTheCustomersOwnAndValidated() {
        String path = "/reviews/mine/name";
        for (String method : List.of("GET", "PUT", "DELETE")) {
            Api.Response anonymous = switch (method) {
                case "GET" -> api.get(path, null);
                case "PUT" -> api.put(path, null, Map.of("name", "Sita"));
                default -> api.delete(path, null);
            };
            assertThat(anonymous.status()).as(method + " without a token").isEqualTo(401);
            for (String role : List.of("SELLER", "ADMIN")) {
                String token = jwts.token(UUID.randomUUID().toString(), role);
                Api.Response wrongRole = switch (method) {
                    case "GET" -> api.get(path, token);
                    case "PUT" -> api.put(path, token, Map.of("name", "Sita"));
                    default -> api.delete(path, token);
                };
                assertThat(wrongRole.status()).as(method + " as " + role).isEqualTo(403);
            }
        }
        String token = jwts.builder().subject(UUID.randomUUID().toString()).roles("CUSTOMER").claim("name", null)
                .sign();
        for (String bad : List.of("", " ", "x", "y".repeat(41), "<script>", "Sita\nK.", "a@b.example")) {
            assertThat(api.put(path, token, Map.of("name", bad)).status()).as(bad).isEqualTo(400);
        }
        assertThat(api.put(path, token, Map.of()).status()).isEqualTo(400);
        assertThat(api.get(path, token).json().get("name").asString()).as("no name in the token")
                .isEqualTo(ReviewerNames.ANONYMOUS);
    }

    @Autowired
    private ReviewerNameService reviewerNames;

    @Test
    void reviewsWrittenBeforeReviewNamesAreMigratedAndNeverShowTheFullNameMeanwhile() {
        Bought bought = product();
        String authorWithChoice = UUID.randomUUID().toString();
        Instant now = Instant.now();
        // as stored before review names: the token's full name (or its e-mail username), no publicName field
        List<String> ids = new ArrayList<>();
        for (String[] legacy : List.of(new String[] {UUID.randomUUID().toString(), "Ram Bahadur Thapa"},
                new String[] {UUID.randomUUID().toString(), "ram.thapa@example.com"},
                new String[] {authorWithChoice, "Gita Gurung"})) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            mongo.insert(new org.bson.Document("_id", id).append("productId", bought.productId())
                    .append("storeId", bought.storeId()).append("authorId", legacy[0]).append("authorName", legacy[1])
                    .append("orderId", "o-" + id).append("orderLineId", "o-" + id + ":SKU").append("rating", 4)
                    .append("status", "VISIBLE").append("reported", false).append("reportCount", 0)
                    .append("reports", List.of()).append("createdAt", java.util.Date.from(now))
                    .append("updatedAt", java.util.Date.from(now)).append("version", 0L), "reviews");
        }
        String path = "/products/" + bought.productId() + "/reviews?size=100";
        assertThat(api.get(path, null).json().get("items").valueStream().map(r -> r.get("authorName").asString())
                .toList()).as("read-time fallback").containsExactlyInAnyOrder("Ram T.", "Customer", "Gita G.");
        assertThat(api.get(path, null).body()).doesNotContain("Thapa").doesNotContain("Gurung");

        mongo.upsert(Query.query(Criteria.where("_id").is(authorWithChoice)),
                new org.springframework.data.mongodb.core.query.Update().set("name", "Gita from Kaski"),
                ReviewerNameService.COLLECTION);
        assertThat(reviewerNames.migrateFullNames()).isGreaterThanOrEqualTo(3);
        assertThat(ids.stream().map(id -> mongo.findById(id, Review.class)).map(Review::authorName).toList())
                .containsExactly("Ram T.", "Customer", "Gita from Kaski");
        assertThat(ids.stream().map(id -> mongo.findById(id, Review.class)).map(Review::publicName)
                .allMatch(Boolean.TRUE::equals)).isTrue();
        assertThat(reviewerNames.migrateFullNames()).as("idempotent").isZero();
    }
}
