package io.haat.catalog.product;

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
    }
}
