package io.haat.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.catalog.Api;
import io.haat.catalog.CatalogTest;
import io.haat.catalog.review.ProductRatings;
import io.haat.catalog.stock.StockLevel;
import io.haat.catalog.stock.StockLevels;
import io.haat.catalog.store.StoreVisibilityChanged;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /search} and {@code /search/suggest} over the running service: the index follows catalog's writes
 * within a second (approval, ban, store suspension, stock, rating), shows only public products, filters and counts
 * exactly, rejects bad parameters, and only admins rebuild it. Each test searches within its own store(s).
 */
class SearchApiTest extends CatalogTest {

    private static final Duration NEAR_REAL_TIME = Duration.ofSeconds(1);
    /** For waits that only set a test up (the first search of a fresh JVM on a busy machine can be slow). */
    private static final Duration SETUP = Duration.ofSeconds(5);

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    StockLevels stock;
    @Autowired
    ProductRatings ratings;
    @Autowired
    SearchClicks clicks;
    @Autowired
    SearchIndexer indexer;

    @Test
    void anApprovedProductIsFoundWithinASecondAndABannedOneIsGoneWithinASecond() {
        Seller seller = approvedSellerWithStore();
        String word = "Zephyrine" + unique();
        String productId = createProduct(seller, category("Gadgets"), word + " Kettle", 4_500).get("id").asString();
        assertThat(ids("/search?q=" + word + "&store=" + seller.storeId())).as("pending review: not public").isEmpty();

        assertThat(api.post("/admin/products/" + productId + "/approve", admin(), Map.of()).status()).isEqualTo(200);
        await().atMost(NEAR_REAL_TIME).pollInterval(Duration.ofMillis(50))
                .until(() -> ids("/search?q=" + word.toLowerCase() + "&store=" + seller.storeId()).contains(productId));
        // a typo of the made-up word still finds it
        String typo = word.substring(0, 3) + word.substring(4);
        assertThat(ids("/search?q=" + typo + "&store=" + seller.storeId())).containsExactly(productId);

        assertThat(api.post("/admin/products/" + productId + "/ban", admin(), Map.of("reason", "counterfeit")).status())
                .isEqualTo(200);
        await().atMost(NEAR_REAL_TIME).pollInterval(Duration.ofMillis(50))
                .until(() -> ids("/search?q=" + word + "&store=" + seller.storeId()).isEmpty());
    }

    @Test
    void aSuspendedStoresProductsAreGoneWithinASecondAndComeBackWhenReinstated() {
        Seller seller = approvedSellerWithStore();
        String word = "Quillonite" + unique();
        String productId = activeProduct(seller, category("Minerals"), word + " Lamp", 3_000).get("id").asString();
        await().atMost(SETUP).until(() -> ids("/search?q=" + word).contains(productId));

        events.publishEvent(new StoreVisibilityChanged(seller.storeId(), false));
        await().atMost(NEAR_REAL_TIME).pollInterval(Duration.ofMillis(50))
                .until(() -> ids("/search?q=" + word).isEmpty());

        events.publishEvent(new StoreVisibilityChanged(seller.storeId(), true));
        await().atMost(NEAR_REAL_TIME).until(() -> ids("/search?q=" + word).contains(productId));
    }

    @Test
    void stockAndRatingsReachTheIndexAndItsFilters() {
        Seller seller = approvedSellerWithStore();
        JsonNode product = activeProduct(seller, category("Stocked"), "Stocked Lantern " + unique(), 2_000);
        String productId = product.get("id").asString();
        String sku = product.get("variants").get(0).get("sku").asString();
        String inStock = "/search?store=" + seller.storeId() + "&inStock=true";
        String rated = "/search?store=" + seller.storeId() + "&minRating=4";
        await().atMost(SETUP).until(() -> ids("/search?store=" + seller.storeId()).contains(productId));
        assertThat(ids(inStock)).isEmpty();
        assertThat(ids(rated)).isEmpty();

        stock.apply(new StockLevel(StockLevel.idOf(seller.storeId(), sku), seller.storeId(), sku, 5, 0, 5, 1, Instant.now()));
        await().atMost(NEAR_REAL_TIME).until(() -> ids(inStock).contains(productId));

        ratings.add(productId, 5);
        await().atMost(NEAR_REAL_TIME).until(() -> ids(rated).contains(productId));
        JsonNode item = api.get(rated, null).json().get("items").get(0);
        assertThat(item.get("rating").asDouble()).isEqualTo(5.0);
        assertThat(item.get("ratingCount").asLong()).isEqualTo(1);
        assertThat(item.get("inStock").asBoolean()).isTrue();
    }

    @Test
    void filtersAndFacetCountsAreExact() {
        Seller seller = approvedSellerWithStore();
        String clothing = category("Clothing");
        String shirts = category("Shirts", clothing);
        String scarves = category("Scarves", clothing);
        String tag = unique();
        List<String> created = new ArrayList<>();
        created.add(product(seller, shirts, "Linen Shirt " + tag, "Haat", Map.of("material", "linen"),
                List.of(variant(sku("LS"), 150_000, Map.of("size", "M")), variant(sku("LS"), 160_000, Map.of("size", "L")))));
        created.add(product(seller, shirts, "Cotton Shirt " + tag, "Haat", Map.of("material", "cotton"),
                List.of(variant(sku("CS"), 90_000, Map.of("size", "S")))));
        created.add(product(seller, scarves, "Wool Scarf " + tag, "Looms", Map.of("material", "wool"),
                List.of(variant(sku("WS"), 300_000, Map.of("size", "One")))));
        String store = "&store=" + seller.storeId();
        await().atMost(SETUP).until(() -> total("/search?q=" + tag + store) == 3);

        JsonNode all = api.get("/search?q=" + tag + store, null).json();
        JsonNode facets = all.get("facets");
        assertThat(counts(facets.get("brands"), "value")).isEqualTo(Map.of("Haat", 2L, "Looms", 1L));
        assertThat(counts(facets.get("categories"), "id")).isEqualTo(Map.of(shirts, 2L, scarves, 1L));
        assertThat(counts(facets.get("attributes").get("material"), "value"))
                .isEqualTo(Map.of("linen", 1L, "cotton", 1L, "wool", 1L));
        assertThat(counts(facets.get("attributes").get("size"), "value"))
                .isEqualTo(Map.of("M", 1L, "L", 1L, "S", 1L, "One", 1L));
        assertThat(facets.get("prices").get(0).get("count").asLong()).isEqualTo(1); // 900.00 below 1,000.00
        assertThat(facets.get("prices").get(1).get("count").asLong()).isEqualTo(1); // 1,500.00
        assertThat(facets.get("prices").get(2).get("count").asLong()).isEqualTo(1); // 3,000.00
        assertThat(facets.get("prices").get(0).get("to").get("currency").asString()).isEqualTo("NPR");

        assertThat(total("/search?q=" + tag + store + "&category=" + clothing)).as("sub-categories included").isEqualTo(3);
        assertThat(total("/search?q=" + tag + store + "&category=" + scarves)).isEqualTo(1);
        assertThat(total("/search?q=" + tag + store + "&brand=Haat")).isEqualTo(2);
        assertThat(total("/search?q=" + tag + store + "&attr=material:LINEN")).isEqualTo(1);
        assertThat(total("/search?q=" + tag + store + "&attr=size:M&attr=size:S")).isEqualTo(2);
        assertThat(total("/search?q=" + tag + store + "&attr=size:M&attr=material:cotton")).isZero();
        // on the variant prices: the linen shirt's large size costs 1,600.00
        assertThat(ids("/search?q=" + tag + store + "&minPrice=155000&maxPrice=200000")).containsExactly(created.get(0));
        assertThat(ids("/search?q=" + tag + store + "&sort=price_asc"))
                .containsExactly(created.get(1), created.get(0), created.get(2));
        assertThat(ids("/search?q=" + tag + store + "&sort=price_desc"))
                .containsExactly(created.get(2), created.get(0), created.get(1));
        JsonNode page = api.get("/search?q=" + tag + store + "&sort=price_asc&page=1&size=2", null).json();
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("page").asInt()).isEqualTo(1);

        JsonNode hit = api.get("/search?q=linen+" + tag + store, null).json().get("items").get(0);
        assertThat(hit.get("highlight").asString()).isEqualTo("<em>Linen</em> Shirt <em>" + tag + "</em>");
        assertThat(hit.get("price").get("amountMinor").asLong()).isEqualTo(150_000);
    }

    @Test
    void suggestsFromTheFirstLetters() {
        Seller seller = approvedSellerWithStore();
        String word = "Marmalux" + unique();
        String productId = activeProduct(seller, category("Pantry"), word + " Jam", 500).get("id").asString();
        await().atMost(SETUP).until(() -> ids("/search?q=" + word).contains(productId));

        Api.Response response = api.get("/search/suggest?q=" + word.substring(0, 6).toLowerCase(), null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode suggestions = response.json().get("suggestions");
        assertThat(suggestions.size()).isBetween(1, 10);
        assertThat(suggestions.valueStream().map(s -> s.get("text").asString()).toList()).contains(word + " Jam");
        assertThat(api.get("/search/suggest?q=", null).status()).isEqualTo(400);
    }

    @Test
    void searchClicksBecomeABoostForTheSameQuery() {
        Seller seller = approvedSellerWithStore();
        String word = "Brindlewood" + unique();
        String productId = activeProduct(seller, category("Woodwork"), word + " Bowl", 900).get("id").asString();
        await().atMost(SETUP).until(() -> ids("/search?q=" + word).contains(productId));

        assertThat(api.post("/events/search-click", null, Map.of("productId", productId, "query", word + " bowl",
                "position", 0)).status()).isEqualTo(202);
        await().atMost(NEAR_REAL_TIME).until(() -> clicks.boostsFor(word.toUpperCase() + "  BOWL").containsKey(productId));
        assertThat(clicks.boostsFor(word + " bowl").get(productId)).isEqualTo(1.0);
    }

    @Test
    void badParametersAreValidationProblems() {
        for (String bad : List.of("sort=cheapest", "minPrice=-1", "minPrice=10&maxPrice=5", "minRating=6",
                "attr=colour", "page=-1", "size=500", "page=99&size=20", "minPrice=abc",
                "category=" + UUID.randomUUID(), "q=" + "x".repeat(201))) {
            Api.Response response = api.get("/search?" + bad, null);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(bad).startsWith("application/problem+json");
        }
    }

    @Test
    void anyoneSearchesButOnlyAdminsRebuildTheIndex() {
        Seller seller = approvedSellerWithStore();
        String word = "Vellichor" + unique();
        String productId = activeProduct(seller, category("Books"), word + " Journal", 1_200).get("id").asString();
        await().atMost(SETUP).until(() -> ids("/search?q=" + word).contains(productId));

        assertThat(api.get("/search?q=" + word, null).status()).isEqualTo(200);
        assertThat(api.get("/search?q=" + word, customer(UUID.randomUUID().toString())).status()).isEqualTo(200);
        assertThat(api.post("/admin/search/reindex", null, Map.of()).status()).isEqualTo(401);
        assertThat(api.post("/admin/search/reindex", customer(UUID.randomUUID().toString()), Map.of()).status())
                .isEqualTo(403);
        assertThat(api.post("/admin/search/reindex", seller.token(), Map.of()).status()).isEqualTo(403);

        Api.Response started = api.post("/admin/search/reindex", admin(), Map.of());
        assertThat(started.status()).isEqualTo(202);
        // searches are answered throughout the rebuild, and the rebuilt index has the product
        assertThat(started.json().get("status").asString()).isIn("started", "already-running");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            assertThat(ids("/search?q=" + word)).containsExactly(productId);
            assertThat(indexer.rebuilding()).isFalse();
        });
        assertThat(ids("/search?q=" + word)).containsExactly(productId);
    }

    private String product(Seller seller, String categoryId, String name, String brand, Map<String, String> attributes,
                           List<Map<String, Object>> variants) {
        Map<String, Object> body = Map.of("name", name, "description", "A fine " + name, "categoryId", categoryId,
                "brand", brand, "attributes", attributes, "variants", variants);
        Api.Response created = api.post("/stores/" + seller.storeId() + "/products", seller.token(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/admin/products/" + id + "/approve", admin(), Map.of()).status()).isEqualTo(200);
        return id;
    }

    private List<String> ids(String path) {
        Api.Response response = api.get(path, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items").valueStream().map(i -> i.get("productId").asString()).toList();
    }

    private long total(String path) {
        return api.get(path, null).json().get("totalItems").asLong();
    }

    private static Map<String, Long> counts(JsonNode values, String key) {
        Map<String, Long> counts = new java.util.HashMap<>();
        values.forEach(v -> counts.put(v.get(key).asString(), v.get("count").asLong()));
        return counts;
    }

    private static String unique() {
        return URLEncoder.encode(UUID.randomUUID().toString().replace("-", "").substring(0, 8), StandardCharsets.UTF_8)
                .replaceAll("[0-9]", "x");
    }
}
