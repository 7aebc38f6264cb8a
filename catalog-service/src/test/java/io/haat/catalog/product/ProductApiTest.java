package io.haat.catalog.product;

import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.StoreStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.haat.catalog.Api;
import io.haat.catalog.CatalogTest;
import io.haat.catalog.TopicProbe;
import io.haat.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Products over HTTP: create with variants, visibility by status, edits with optimistic locking, events. */
class ProductApiTest extends CatalogTest {

    @Test
    void approvedSellerCreatesAProductWithThreeVariantsThatBecomesPublicOnlyOnceApproved() {
        Seller seller = approvedSellerWithStore();
        String categoryId = category("Shirts");
        String s = sku("TEE");
        Api.Response created = api.post("/stores/" + seller.storeId() + "/products", seller.token(),
                Map.of("name", "Linen tee", "description", "Cool in summer", "categoryId", categoryId,
                        "brand", "Haat", "attributes", Map.of("material", "linen"),
                        "variants", List.of(
                                Map.of("sku", s + "-S", "options", Map.of("size", "S", "colour", "white"),
                                        "price", money(1500), "compareAtPrice", money(2000), "weightGrams", 180),
                                Map.of("sku", s + "-M", "options", Map.of("size", "M", "colour", "white"),
                                        "price", money(1600)),
                                Map.of("sku", s + "-L", "options", Map.of("size", "L", "colour", "white"),
                                        "price", money(1700)))));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode product = created.json();
        String id = product.get("id").asString();
        assertThat(product.get("status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(product.get("variants")).hasSize(3);
        assertThat(product.get("price").get("amountMinor").asLong()).isEqualTo(1500);
        JsonNode size = product.get("options").valueStream().filter(o -> o.get("name").asString().equals("size"))
                .findFirst().orElseThrow();
        assertThat(size.get("values").toString()).isEqualTo("[\"S\",\"M\",\"L\"]");
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.header("Location")).isEqualTo("/products/" + id);

        // not public while pending review, but its owner sees it
        assertThat(api.get("/products/" + id, null).status()).isEqualTo(404);
        assertThat(api.get("/products/" + id, customer(UUID.randomUUID().toString())).status()).isEqualTo(404);
        assertThat(api.get("/products/" + id, seller.token()).status()).isEqualTo(200);

        Api.Response approved = api.post("/admin/products/" + id + "/approve", admin(), Map.of());
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("ACTIVE");

        Api.Response publicView = api.get("/products/" + id, null);
        assertThat(publicView.status()).isEqualTo(200);
        assertThat(publicView.json().get("name").asString()).isEqualTo("Linen tee");
        assertThat(publicView.json().get("variants").get(0).get("compareAtPrice").get("amountMinor").asLong())
                .isEqualTo(2000);

        var events = TopicProbe.await(Topics.CATALOG_PRODUCT, r -> id.equals(r.key()), 2);
        JsonNode last = json.readTree(events.getLast().value());
        assertThat(last.get("type").asString()).isEqualTo("ProductChanged");
        assertThat(last.get("aggregateVersion").asLong()).isEqualTo(1);
        assertThat(last.get("payload").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(last.get("payload").get("sellerId").asString()).isEqualTo(seller.sellerId());
        assertThat(last.get("payload").get("variants")).hasSize(3);
        assertThat(last.get("payload").get("variants").get(0).get("price").get("amountMinor").asLong()).isEqualTo(1500);
        // order-service weighs parcels for shipping with it; a variant without a weight sends null
        assertThat(last.get("payload").get("variants").get(0).get("weightGrams").asInt()).isEqualTo(180);
        JsonNode unweighed = last.get("payload").get("variants").get(1).path("weightGrams");
        assertThat(unweighed.isNull() || unweighed.isMissingNode()).as(unweighed.toString()).isTrue();
    }

    @Test
    void editsUseOptimisticLockingWithIfMatchOrTheVersionField() {
        Seller seller = approvedSellerWithStore();
        String categoryId = category("Mugs");
        JsonNode product = createProduct(seller, categoryId, "Mug", 500);
        String id = product.get("id").asString();
        String s = product.get("variants").get(0).get("sku").asString();
        Map<String, Object> edit = productBody("Big mug", categoryId, List.of(variant(s, 650, Map.of("size", "M"))));

        Api.Response ok = api.put("/products/" + id, seller.token(), edit, "If-Match", "\"0\"");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"1\"");
        assertThat(ok.json().get("name").asString()).isEqualTo("Big mug");
        assertThat(ok.json().get("price").get("amountMinor").asLong()).isEqualTo(650);

        Api.Response stale = api.put("/products/" + id, seller.token(), edit, "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");

        var withVersion = new java.util.HashMap<>(edit);
        withVersion.put("version", 0);
        Api.Response staleBody = api.put("/products/" + id, seller.token(), withVersion);
        assertThat(staleBody.status()).isEqualTo(412);
        assertThat(staleBody.json().get("type").asString()).endsWith("/stale-version");
        assertThat(staleBody.json().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-version");
        assertThat(api.put("/products/" + id, seller.token(), withVersion, "If-Match", "\"1\"").status())
                .as("If-Match and version disagree").isEqualTo(400);

        withVersion.put("version", 1);
        assertThat(api.put("/products/" + id, seller.token(), withVersion).status()).isEqualTo(200);
    }

    @Test
    void invalidMoneyUnknownCategoryAndDuplicateSkuAreClearProblems() {
        Seller seller = approvedSellerWithStore();
        String categoryId = category("Lamps");
        String path = "/stores/" + seller.storeId() + "/products";

        Api.Response negative = api.post(path, seller.token(), productBody("Lamp", categoryId,
                List.of(Map.of("sku", sku("L"), "options", Map.of(), "price", Map.of("amountMinor", -5, "currency", "NPR")))));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("type").asString()).endsWith("/validation");
        assertThat(negative.body()).contains("variants[0].price.amountMinor");

        Api.Response notIso = api.post(path, seller.token(), productBody("Lamp", categoryId,
                List.of(Map.of("sku", sku("L"), "options", Map.of(), "price", Map.of("amountMinor", 5, "currency", "XYZ")))));
        assertThat(notIso.status()).isEqualTo(400);
        assertThat(notIso.body()).contains("variants[0].price.currency").contains("ISO 4217");

        Api.Response lowerCase = api.post(path, seller.token(), productBody("Lamp", categoryId,
                List.of(Map.of("sku", sku("L"), "options", Map.of(), "price", Map.of("amountMinor", 5, "currency", "npr")))));
        assertThat(lowerCase.status()).isEqualTo(400);

        Api.Response twoCurrencies = api.post(path, seller.token(), productBody("Lamp", categoryId, List.of(
                Map.of("sku", sku("L"), "options", Map.of("c", "red"), "price", money(5)),
                Map.of("sku", sku("L"), "options", Map.of("c", "blue"), "price", Map.of("amountMinor", 5, "currency", "USD")))));
        assertThat(twoCurrencies.status()).isEqualTo(400);
        assertThat(twoCurrencies.body()).contains("one currency per product");

        Api.Response unknownCategory = api.post(path, seller.token(), productBody("Lamp", UUID.randomUUID().toString(),
                List.of(variant(sku("L"), 5, Map.of()))));
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().get("errors").get(0).get("field").asString()).isEqualTo("categoryId");

        String taken = sku("DUP");
        assertThat(api.post(path, seller.token(), productBody("Lamp", categoryId, List.of(variant(taken, 5, Map.of()))))
                .status()).isEqualTo(201);
        Seller other = approvedSellerWithStore();
        Api.Response duplicate = api.post("/stores/" + other.storeId() + "/products", other.token(),
                productBody("Copy", categoryId, List.of(variant(taken, 5, Map.of()))));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("type").asString()).endsWith("/duplicate-sku");
        assertThat(duplicate.json().get("sku").asString()).isEqualTo(taken);

        Api.Response malformed = api.post(path, seller.token(), "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void onlyTheOwnerOfAStoreCreatesAndChangesItsProducts() {
        Seller owner = approvedSellerWithStore();
        Seller other = approvedSellerWithStore();
        String categoryId = category("Bags");
        Map<String, Object> body = productBody("Bag", categoryId, List.of(variant(sku("B"), 100, Map.of())));

        assertThat(api.post("/stores/" + owner.storeId() + "/products", null, body).status()).isEqualTo(401);
        Api.Response asCustomer = api.post("/stores/" + owner.storeId() + "/products",
                customer(UUID.randomUUID().toString()), body);
        assertThat(asCustomer.status()).isEqualTo(403);
        assertThat(asCustomer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.post("/stores/" + owner.storeId() + "/products", other.token(), body).status()).isEqualTo(404);

        String id = createProduct(owner, categoryId, "Bag", 100).get("id").asString();
        String s = sku("B");
        Map<String, Object> edit = productBody("Stolen", categoryId, List.of(variant(s, 1, Map.of())));
        assertThat(api.get("/products/" + id, other.token()).status()).isEqualTo(404);
        assertThat(api.put("/products/" + id, other.token(), edit).status()).isEqualTo(404);
        assertThat(api.post("/products/" + id + "/submit", other.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api.post("/products/" + id + "/archive", other.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api.delete("/products/" + id, other.token()).status()).isEqualTo(404);
        assertThat(api.post("/admin/products/" + id + "/approve", owner.token(), Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/admin/products", owner.token()).status()).isEqualTo(403);
        assertThat(api.get("/products/" + id, owner.token()).json().get("name").asString()).isEqualTo("Bag");
    }

    @Test
    void unapprovedSellersAndInactiveStoresCannotList() {
        String categoryId = category("Toys");
        Seller pending = sellerWithStore(SellerStatus.PENDING, StoreStatus.ACTIVE);
        Api.Response notApproved = api.post("/stores/" + pending.storeId() + "/products", pending.token(),
                productBody("Toy", categoryId, List.of(variant(sku("T"), 100, Map.of()))));
        assertThat(notApproved.status()).isEqualTo(403);
        assertThat(notApproved.json().get("type").asString()).endsWith("/seller-not-approved");

        Seller suspended = sellerWithStore(SellerStatus.APPROVED, StoreStatus.SUSPENDED);
        Api.Response inactive = api.post("/stores/" + suspended.storeId() + "/products", suspended.token(),
                productBody("Toy", categoryId, List.of(variant(sku("T"), 100, Map.of()))));
        assertThat(inactive.status()).isEqualTo(409);
        assertThat(inactive.json().get("type").asString()).endsWith("/store-not-active");
    }

    @Test
    void moderationQueueRejectBanArchiveAndDelete() {
        Seller seller = approvedSellerWithStore();
        String categoryId = category("Watches");
        String first = createProduct(seller, categoryId, "Watch 1", 100).get("id").asString();
        String second = createProduct(seller, categoryId, "Watch 2", 100).get("id").asString();

        Api.Response queue = api.get("/admin/products?status=PENDING_REVIEW&size=100", admin());
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().get("items").valueStream().map(i -> i.get("id").asString()).toList())
                .contains(first, second);

        assertThat(api.post("/admin/products/" + first + "/reject", admin(), Map.of()).status()).isEqualTo(400);
        Api.Response rejected = api.post("/admin/products/" + first + "/reject", admin(), Map.of("reason", "Blurry"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(api.get("/products/" + first, seller.token()).json().get("statusReason").asString()).isEqualTo("Blurry");
        Api.Response notResubmitted = api.post("/admin/products/" + first + "/approve", admin(), Map.of());
        assertThat(notResubmitted.status()).isEqualTo(409);
        assertThat(notResubmitted.json().get("type").asString()).endsWith("/illegal-product-transition");
        assertThat(notResubmitted.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(api.post("/products/" + first + "/submit", seller.token(), Map.of()).json().get("status").asString())
                .isEqualTo("PENDING_REVIEW");

        Api.Response approved = api.post("/admin/products/" + second + "/approve", admin(), Map.of());
        Api.Response approvedAgain = api.post("/admin/products/" + second + "/approve", admin(), Map.of());
        assertThat(approvedAgain.status()).isEqualTo(200);
        assertThat(approvedAgain.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(approvedAgain.header("ETag")).isEqualTo(approved.header("ETag"));
        Api.Response banned = api.post("/admin/products/" + second + "/ban", admin(), Map.of("reason", "Counterfeit"));
        assertThat(banned.json().get("status").asString()).isEqualTo("BANNED");
        assertThat(api.get("/products/" + second, null).status()).isEqualTo(404);
        assertThat(api.delete("/products/" + second, seller.token()).status()).isEqualTo(409);
        // banning a banned product (even for another reason) answers 200 with the product as it is: nothing written
        Api.Response bannedAgain = api.post("/admin/products/" + second + "/ban", admin(), Map.of("reason", "Other"));
        assertThat(bannedAgain.status()).isEqualTo(200);
        assertThat(bannedAgain.json().get("statusReason").asString()).isEqualTo("Counterfeit");
        assertThat(bannedAgain.header("ETag")).isEqualTo(banned.header("ETag"));
        Api.Response unbanned = api.post("/admin/products/" + second + "/unban", admin(), Map.of());
        assertThat(unbanned.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(api.post("/admin/products/" + second + "/unban", admin(), Map.of()).header("ETag"))
                .isEqualTo(unbanned.header("ETag"));
        // one audit record and one event per real change: the relay sends a product's entries in order (same
        // key, same partition), so a record of the repeated ban would come before the unban's
        List<JsonNode> audit = TopicProbe.await(Topics.AUDIT_EVENTS, r -> ("product:" + second).equals(r.key()), 4)
                .stream().map(r -> json.readTree(r.value()).get("payload")).toList();
        assertThat(audit).extracting(a -> a.get("action").asString())
                .containsExactly("product.create", "product.approve", "product.ban", "product.unban");
        JsonNode banAudit = audit.get(2);
        assertThat(banAudit.get("actorRole").asString()).isEqualTo("ADMIN");
        assertThat(banAudit.get("after").asString()).contains("BANNED");
        assertThat(TopicProbe.await(Topics.CATALOG_PRODUCT, r -> second.equals(r.key()), 4))
                .extracting(r -> json.readTree(r.value()).get("payload").get("status").asString())
                .containsExactly("PENDING_REVIEW", "ACTIVE", "BANNED", "DRAFT");

        assertThat(api.post("/products/" + first + "/archive", seller.token(), Map.of()).json().get("status").asString())
                .isEqualTo("ARCHIVED");
        assertThat(api.delete("/products/" + first, seller.token()).status()).isEqualTo(204);
        assertThat(api.get("/products/" + first, seller.token()).status()).isEqualTo(404);
        var deleted = TopicProbe.await(Topics.CATALOG_PRODUCT, r -> first.equals(r.key()) && r.value().contains("DELETED"), 1);
        assertThat(deleted).isNotEmpty();
    }

    @Test
    void listsByStoreAndCategoryShowOnlyPublicProductsPagedAndSorted() {
        Seller seller = approvedSellerWithStore();
        String parent = category("Home");
        String child = category("Kitchen", parent);
        activeProduct(seller, child, "Pan", 3000);
        activeProduct(seller, parent, "Rug", 1000);
        activeProduct(seller, child, "Pot", 2000);
        String draft = createProduct(seller, child, "Unreviewed", 10).get("id").asString();

        Api.Response byCategory = api.get("/categories/" + parent + "/products?sort=price_asc&size=2", null);
        assertThat(byCategory.status()).isEqualTo(200);
        assertThat(byCategory.json().get("totalItems").asLong()).isEqualTo(3);
        assertThat(byCategory.json().get("items").valueStream().map(i -> i.get("name").asString()).toList())
                .containsExactly("Rug", "Pot");
        Api.Response page2 = api.get("/categories/" + parent + "/products?sort=price_asc&size=2&page=1", null);
        assertThat(page2.json().get("items").valueStream().map(i -> i.get("name").asString()).toList())
                .containsExactly("Pan");
        assertThat(api.get("/categories/" + child + "/products?sort=price_desc", null).json().get("items")
                .valueStream().map(i -> i.get("name").asString()).toList()).containsExactly("Pan", "Pot");
        assertThat(api.get("/categories/" + parent + "/products?sort=cheapest", null).status()).isEqualTo(400);
        assertThat(api.get("/categories/" + parent + "/products?size=101", null).status()).isEqualTo(400);

        Api.Response publicStore = api.get("/stores/" + seller.storeId() + "/products", null);
        assertThat(publicStore.json().get("totalItems").asLong()).isEqualTo(3);
        Api.Response ownerStore = api.get("/stores/" + seller.storeId() + "/products", seller.token());
        assertThat(ownerStore.json().get("totalItems").asLong()).isEqualTo(4);
        assertThat(api.get("/stores/" + seller.storeId() + "/products?status=PENDING_REVIEW", seller.token())
                .json().get("items").get(0).get("id").asString()).isEqualTo(draft);
    }

    @Test
    void aStoreHoldsABoundedNumberOfProducts() {
        Seller seller = approvedSellerWithStore();
        String categoryId = category("Many");
        java.util.List<org.bson.Document> existing = new java.util.ArrayList<>();
        for (int i = 0; i < Product.MAX_PER_STORE - 1; i++) {
            String id = java.util.UUID.randomUUID().toString();
            existing.add(new org.bson.Document("_id", id).append("storeId", seller.storeId())
                    .append("status", i == 0 ? "DELETED" : "DRAFT").append("name", "Filler " + i)
                    .append("variants", java.util.List.of(new org.bson.Document("sku", "FILL-" + id)))
                    .append("categoryId", categoryId).append("minPriceMinor", 100L).append("currency", "NPR")
                    .append("storeVisible", false).append("version", 0L)
                    .append("createdAt", new java.util.Date()).append("updatedAt", new java.util.Date()));
        }
        mongo.insert(existing, "products");

        // one deleted among them does not count: two places are left
        assertThat(api.post("/stores/" + seller.storeId() + "/products", seller.token(),
                productBody("Last", categoryId, java.util.List.of(variant(sku("L"), 100, java.util.Map.of()))))
                .status()).isEqualTo(201);
        assertThat(api.post("/stores/" + seller.storeId() + "/products", seller.token(),
                productBody("Very last", categoryId, java.util.List.of(variant(sku("L"), 100, java.util.Map.of()))))
                .status()).isEqualTo(201);
        Api.Response tooMany = api.post("/stores/" + seller.storeId() + "/products", seller.token(),
                productBody("One more", categoryId, java.util.List.of(variant(sku("L"), 100, java.util.Map.of()))));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
        assertThat(tooMany.json().get("type").asString()).endsWith("/too-many-products");

        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("storeId").is(seller.storeId())), "products");
    }
}
