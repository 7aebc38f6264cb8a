package io.haat.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives the demo seller of a local run what API.md promises: an approved application, a store, a category with two
 * approved products, stock for every SKU and a shipping method that serves everywhere; and the demo customer a default
 * address, so the demo can check out. Talks only to the gateway, as the demo seller, admin and customer with tokens
 * from Keycloak (the accounts themselves are created by identity-service). Idempotent: what exists is kept.
 */
final class DemoMarketplaceSeeder {

    static final String STORE_NAME = "Haat Demo Store";
    static final String CATEGORY_NAME = "Demo goods";
    static final int STOCK = 25;
    static final String SHIPPING_METHOD_NAME = "Standard delivery";

    /** NPR 100 (in paisa) a parcel, 2 to 5 days, anywhere: checkout needs a method that serves the address. */
    static final Map<String, Object> SHIPPING_METHOD = Map.of("name", SHIPPING_METHOD_NAME, "type", "FLAT",
            "currency", "NPR", "flatRate", 10_000, "minDays", 2, "maxDays", 5, "everywhere", true, "active", true);

    /** The demo customer's default delivery address, in the shipping method's area. */
    static final Map<String, Object> CUSTOMER_ADDRESS = Map.of("recipient", "Haat Demo Customer",
            "phone", "+9779800000000", "line1", "Thamel Marg 5", "city", "Kathmandu", "region", "Bagmati",
            "postalCode", "44600", "country", "NP", "isDefault", true);

    /** One demo product; prices in NPR minor units (paisa). */
    record DemoProduct(String name, String description, String brand, List<DemoVariant> variants) {
    }

    record DemoVariant(String sku, String option, String value, long priceMinor) {
    }

    static final List<DemoProduct> PRODUCTS = List.of(
            new DemoProduct("Ilam Orthodox Black Tea", "Hand-rolled black tea from the hills of Ilam.", "Haat Demo",
                    List.of(new DemoVariant("DEMO-TEA-100G", "weight", "100 g", 45_000),
                            new DemoVariant("DEMO-TEA-250G", "weight", "250 g", 95_000),
                            new DemoVariant("DEMO-TEA-500G", "weight", "500 g", 175_000))),
            new DemoProduct("Handwoven Dhaka Shawl", "A warm cotton shawl woven on a Palpa loom.", "Haat Demo",
                    List.of(new DemoVariant("DEMO-SHAWL-RED", "colour", "red", 250_000),
                            new DemoVariant("DEMO-SHAWL-BLUE", "colour", "blue", 250_000))));

    private final String apiUrl;
    private final String tokenUrl;
    private final Duration retryFor;
    private final Duration retryPause;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private boolean changed;

    /**
     * @param apiUrl   the gateway's API root, e.g. {@code http://localhost:8080/api/v1}
     * @param tokenUrl Keycloak's token endpoint of the {@code haat} realm
     * @param retryFor how long a call answered 502/503 (or not answered) is retried: the gateway learns new
     *                 instances from Eureka a few seconds after they are up
     */
    DemoMarketplaceSeeder(String apiUrl, String tokenUrl, Duration retryFor, Duration retryPause) {
        this.apiUrl = apiUrl;
        this.tokenUrl = tokenUrl;
        this.retryFor = retryFor;
        this.retryPause = retryPause;
    }

    static DemoMarketplaceSeeder local() {
        return new DemoMarketplaceSeeder(LocalMarketplace.GATEWAY_URL + "/api/v1",
                KeycloakPart.ISSUER + "/protocol/openid-connect/token",
                Duration.ofSeconds(60), Duration.ofSeconds(1));
    }

    /** Seeds what is missing and returns the summary line; never throws: a problem comes back as a warning line. */
    String seed() {
        try {
            return seedOrThrow();
        } catch (RuntimeException e) {
            return "WARNING: not seeded (the marketplace runs without it): " + e.getMessage();
        }
    }

    String seedOrThrow() {
        changed = false;
        String seller = token(DemoAccount.SELLER);
        String admin = token(DemoAccount.ADMIN);
        String customer = token(DemoAccount.CUSTOMER);
        approvedSeller(seller, admin);
        String storeId = store(seller);
        String categoryId = category(admin);
        int products = products(seller, admin, storeId, categoryId);
        int skus = stock(seller, storeId);
        shippingMethod(seller, storeId);
        customerAddress(customer);
        String summary = "seller approved, store " + JSON.writeValueAsString(STORE_NAME) + ", " + products + " products, "
                + skus + " SKUs stocked, shipping method " + JSON.writeValueAsString(SHIPPING_METHOD_NAME)
                + ", customer address";
        return changed ? summary : "already there (" + summary + ")";
    }

    private void approvedSeller(String seller, String admin) {
        Response me = call(seller, "GET", "/sellers/me", null);
        JsonNode application;
        if (me.status() == 404) {
            application = call(seller, "POST", "/sellers/apply", Map.of("businessName", "Haat Demo Traders",
                    "taxId", "NP-DEMO-0001", "businessAddress",
                    Map.of("line1", "Durbar Marg 1", "city", "Kathmandu", "country", "NP"))).ok().object();
            changed = true;
        } else {
            application = me.ok().object();
        }
        String status = text(application, "status");
        if (status.equals("PENDING")) {
            application = call(admin, "POST", "/admin/sellers/" + text(application, "id") + "/approve", null).ok().object();
            status = text(application, "status");
            changed = true;
        }
        if (!status.equals("APPROVED")) {
            throw new IllegalStateException("the demo seller's application is " + status + ", not APPROVED");
        }
    }

    private String store(String seller) {
        List<JsonNode> mine = items(call(seller, "GET", "/stores/mine?size=100", null).ok());
        Optional<JsonNode> existing = mine.stream().filter(s -> STORE_NAME.equals(s.path("name").asString(null))).findFirst();
        if (existing.isPresent()) {
            return text(existing.get(), "id");
        }
        changed = true;
        return text(call(seller, "POST", "/stores",
                Map.of("name", STORE_NAME, "description", "Everyday goods from Kathmandu")).ok().object(), "id");
    }

    private String category(String admin) {
        Optional<String> existing = findCategory(call(admin, "GET", "/categories", null).ok().array());
        if (existing.isPresent()) {
            return existing.get();
        }
        changed = true;
        return text(call(admin, "POST", "/admin/categories", Map.of("name", CATEGORY_NAME)).ok().object(), "id");
    }

    /** The demo category's id, searched through the whole tree. */
    private static Optional<String> findCategory(JsonNode categories) {
        for (JsonNode category : categories) {
            if (CATEGORY_NAME.equals(category.path("name").asString(null))) {
                return Optional.of(text(category, "id"));
            }
            Optional<String> found = findCategory(category.path("children"));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The owner's listing shows every status: creates the missing demo products, approves those awaiting review. */
    private int products(String seller, String admin, String storeId, String categoryId) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode product : items(call(seller, "GET", "/stores/" + storeId + "/products?size=100", null).ok())) {
            byName.putIfAbsent(product.path("name").asString(), product);
        }
        for (DemoProduct demo : PRODUCTS) {
            JsonNode product = byName.get(demo.name());
            if (product == null) {
                product = call(seller, "POST", "/stores/" + storeId + "/products", request(demo, categoryId)).ok().object();
                changed = true;
            }
            if ("PENDING_REVIEW".equals(product.path("status").asString(null))) {
                call(admin, "POST", "/admin/products/" + text(product, "id") + "/approve", null).ok();
                changed = true;
            }
        }
        return PRODUCTS.size();
    }

    private static Map<String, Object> request(DemoProduct demo, String categoryId) {
        List<Object> variants = new ArrayList<>();
        for (DemoVariant v : demo.variants()) {
            variants.add(Map.of("sku", v.sku(), "options", Map.of(v.option(), v.value()),
                    "price", Map.of("amountMinor", v.priceMinor(), "currency", "NPR")));
        }
        return Map.of("name", demo.name(), "description", demo.description(), "categoryId", categoryId,
                "brand", demo.brand(), "variants", variants);
    }

    private int stock(String seller, String storeId) {
        int skus = 0;
        for (DemoProduct demo : PRODUCTS) {
            for (DemoVariant variant : demo.variants()) {
                String path = "/stores/" + storeId + "/inventory/" + URLEncoder.encode(variant.sku(), StandardCharsets.UTF_8);
                Response item = call(seller, "GET", path, null);
                if (item.status() == 404) {
                    call(seller, "PUT", path, Map.of("quantity", STOCK, "lowStockThreshold", 5)).ok();
                    changed = true;
                } else {
                    item.ok();
                }
                skus++;
            }
        }
        return skus;
    }

    /** The listing shows the active methods only (at most 20): a deactivated demo method is created anew. */
    private void shippingMethod(String seller, String storeId) {
        String path = "/stores/" + storeId + "/shipping-methods";
        boolean exists = items(call(seller, "GET", path + "?size=100", null).ok()).stream()
                .anyMatch(m -> SHIPPING_METHOD_NAME.equals(m.path("name").asString(null)));
        if (!exists) {
            call(seller, "POST", path, SHIPPING_METHOD).ok();
            changed = true;
        }
    }

    /** Any address of the customer's will do (identity-service gives a new demo customer one): only none is fixed. */
    private void customerAddress(String customer) {
        if (items(call(customer, "GET", "/me/addresses", null).ok()).isEmpty()) {
            call(customer, "POST", "/me/addresses", CUSTOMER_ADDRESS).ok();
            changed = true;
        }
    }

    private String token(DemoAccount account) {
        String form = "grant_type=password&client_id=haat-web&username=" + URLEncoder.encode(account.email(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(account.password(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Response response = exchange(request, "token for " + account.email()).ok();
        return text(response.object(), "access_token");
    }

    private Response call(String token, String method, String path, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return exchange(request, method + " " + path);
    }

    /** Sends, retrying while the gateway answers 502/503 or does not answer, for up to {@code retryFor}. */
    private Response exchange(HttpRequest request, String what) {
        long deadline = System.nanoTime() + retryFor.toNanos();
        while (true) {
            String problem;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 502 && response.statusCode() != 503) {
                    return new Response(what, response.statusCode(), response.body());
                }
                problem = "answered " + response.statusCode();
            } catch (IOException e) {
                problem = "did not answer (" + e + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + ": interrupted", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " " + problem + " for " + retryFor.toSeconds() + " s");
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryPause); // a service the gateway does not know yet: wait for its next Eureka fetch
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        if (value.isString()) {
            return value.stringValue();
        }
        throw new IllegalStateException("no \"" + field + "\" in " + object);
    }

    /** The {@code items} of a page. */
    private static List<JsonNode> items(Response response) {
        JsonNode items = response.object().path("items");
        if (items.isArray()) {
            return new ArrayList<>(items.values());
        }
        throw new IllegalStateException(response.what() + ": no \"items\" in " + Response.abbreviate(response.body()));
    }

    /** An answer of the gateway or Keycloak. */
    private record Response(String what, int status, String body) {

        Response ok() {
            if (status / 100 != 2) {
                throw new IllegalStateException(what + " answered " + status + ": " + abbreviate(body));
            }
            return this;
        }

        JsonNode object() {
            JsonNode json = parsed();
            if (json.isObject()) {
                return json;
            }
            throw new IllegalStateException(what + ": expected a JSON object, got " + abbreviate(body));
        }

        JsonNode array() {
            JsonNode json = parsed();
            if (json.isArray()) {
                return json;
            }
            throw new IllegalStateException(what + ": expected a JSON array, got " + abbreviate(body));
        }

        private JsonNode parsed() {
            try {
                return JSON.readTree(body);
            } catch (JacksonException e) {
                throw new IllegalStateException(what + ": not JSON (" + e.getOriginalMessage() + ") in " + abbreviate(body));
            }
        }

        private static String abbreviate(String text) {
            String line = text.replaceAll("\\s+", " ");
            return line.length() > 200 ? line.substring(0, 200) + "…" : line;
        }
    }
}
