package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Sellers ready to sell, set up through the gateway as a seller and an admin would: signed up, applied, approved,
 * with a store, listed and approved products, stock and a shipping method. Prices and money are NPR minor units.
 */
final class Sellers {

    static final String CURRENCY = "NPR";

    /** An approved seller with one store. */
    record Store(Accounts.Account owner, String sellerId, String storeId) {
        String token() {
            return owner.accessToken();
        }

        /** This store with its owner's tokens renewed. */
        Store loggedInAgain() {
            return new Store(Accounts.loggedInAgain(owner), sellerId, storeId);
        }
    }

    /** One variant of a listed, approved product. */
    record Listed(String productId, String sku, long priceMinor) {
    }

    private Sellers() {
    }

    /** Signs a seller up, applies, is approved by the admin and opens a store. */
    static Store approvedWithStore(String storeName) {
        Accounts.Account seller = Accounts.newVerified("SELLER");
        HttpResponse<String> applied = Gateway.postJson("/api/v1/sellers/apply", seller.accessToken(), """
                {"businessName": "%s Traders", "taxId": "NP-E2E-%s",
                 "businessAddress": {"line1": "New Road 5", "city": "Kathmandu", "country": "NP"}}
                """.formatted(storeName, UUID.randomUUID().toString().substring(0, 8)));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        String sellerId = Gateway.json(applied).get("id").asString();
        HttpResponse<String> approved = Gateway.postJson("/api/v1/admin/sellers/" + sellerId + "/approve",
                Accounts.adminToken(), "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return new Store(seller, sellerId, createStore(seller.accessToken(), storeName));
    }

    /** A store of an approved seller; the name gets a random suffix (store slugs are unique). */
    static String createStore(String sellerToken, String name) {
        HttpResponse<String> store = Gateway.postJson("/api/v1/stores", sellerToken,
                "{\"name\": \"%s %s\", \"description\": \"e2e\"}".formatted(name, UUID.randomUUID().toString().substring(0, 4)));
        assertThat(store.statusCode()).as(store.body()).isEqualTo(201);
        return Gateway.json(store).get("id").asString();
    }

    /** A new category, made by the admin. */
    static String category(String name) {
        HttpResponse<String> category = Gateway.postJson("/api/v1/admin/categories", Accounts.adminToken(),
                "{\"name\": \"%s %s\"}".formatted(name, UUID.randomUUID().toString().substring(0, 6)));
        assertThat(category.statusCode()).as(category.body()).isEqualTo(201);
        return Gateway.json(category).get("id").asString();
    }

    /** A product with one variant listed in the store, approved by the admin, and {@code stock} units of it. */
    static Listed listAndStock(Store store, String categoryId, String name, long priceMinor, int stock) {
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String product = """
                {"name": "%s", "description": "e2e order journey", "categoryId": "%s", "brand": "E2E",
                 "variants": [{"sku": "%s", "options": {"size": "one"},
                               "price": {"amountMinor": %d, "currency": "%s"}}]}
                """.formatted(name, categoryId, sku, priceMinor, CURRENCY);
        // catalog-service learns the seller's approval and the store from seller-service's events, a moment later;
        // until then it refuses the listing (403 seller-not-approved) and nothing is created
        AtomicReference<HttpResponse<String>> created = new AtomicReference<>();
        await("catalog-service lets the approved seller list").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    created.set(Gateway.postJson("/api/v1/stores/" + store.storeId() + "/products", store.token(), product));
                    assertThat(created.get().statusCode()).as(created.get().body()).isEqualTo(201);
                });
        String productId = Gateway.json(created.get()).get("id").asString();
        HttpResponse<String> approved = Gateway.postJson("/api/v1/admin/products/" + productId + "/approve",
                Accounts.adminToken(), "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        setStock(store, sku, stock);
        return new Listed(productId, sku, priceMinor);
    }

    static void setStock(Store store, String sku, int quantity) {
        HttpResponse<String> stocked = Gateway.put(inventoryPath(store, sku), store.token(),
                "{\"quantity\": %d}".formatted(quantity));
        assertThat(stocked.statusCode()).as(stocked.body()).isEqualTo(200);
    }

    /** The store's stock item {@code {sku, quantity, reserved, available, …}} as seller-service holds it. */
    static JsonNode inventory(Store store, String sku) {
        HttpResponse<String> item = Gateway.get(inventoryPath(store, sku), store.token());
        assertThat(item.statusCode()).as(item.body()).isEqualTo(200);
        return Gateway.json(item);
    }

    /** A flat-rate shipping method that serves everywhere, 2–4 days. */
    static String flatShipping(Store store, long rateMinor) {
        String method = """
                {"name": "E2E courier", "type": "FLAT", "currency": "%s", "flatRate": %d,
                 "minDays": 2, "maxDays": 4, "everywhere": true, "active": true}
                """.formatted(CURRENCY, rateMinor);
        HttpResponse<String> created = onceOrderServiceKnowsTheStore(store, "a shipping method", () -> Gateway.postJson(
                "/api/v1/stores/" + store.storeId() + "/shipping-methods", store.token(), method));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Gateway.json(created).get("id").asString();
    }

    /** A store coupon taking {@code percent} % off the store's lines, active now, without limits. */
    static void percentCoupon(Store store, String code, int percent) {
        HttpResponse<String> coupon = onceOrderServiceKnowsTheStore(store, "a coupon", () -> Gateway.put(
                "/api/v1/stores/" + store.storeId() + "/coupons/" + code, store.token(),
                "{\"type\": \"PERCENTAGE\", \"value\": %d, \"active\": true}".formatted(percent)));
        assertThat(coupon.statusCode()).as(coupon.body()).isIn(200, 201);
    }

    /**
     * order-service learns a new store (and whose it is) from seller-service's events, a moment after it was opened;
     * until then the store's owner endpoints answer {@code 404 store-not-found} and change nothing.
     */
    private static HttpResponse<String> onceOrderServiceKnowsTheStore(Store store, String what,
                                                                     Supplier<HttpResponse<String>> call) {
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        await("order-service takes " + what + " for store " + store.storeId()).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    answer.set(call.get());
                    return answer.get().statusCode() != 404;
                });
        return answer.get();
    }

    private static String inventoryPath(Store store, String sku) {
        return "/api/v1/stores/" + store.storeId() + "/inventory/" + URLEncoder.encode(sku, StandardCharsets.UTF_8);
    }
}
