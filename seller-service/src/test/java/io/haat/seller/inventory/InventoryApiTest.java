package io.haat.seller.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Topics;
import io.haat.seller.SellerIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InventoryApiTest extends SellerIntegrationTest {

    @Test
    void aSellerSetsAndAdjustsStockWithVersions() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Stocked");
        String base = "/stores/" + storeId + "/inventory/";

        Response set = put(base + "TEA-250G", seller.token(), Map.of("quantity", 40, "lowStockThreshold", 5));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().path("sku").asString()).isEqualTo("TEA-250G");
        assertThat(set.body().path("quantity").asInt()).isEqualTo(40);
        assertThat(set.body().path("reserved").asInt()).isZero();
        assertThat(set.body().path("available").asInt()).isEqualTo(40);
        String etag = set.header("ETag");

        Response adjusted = put(base + "TEA-250G", seller.token(), Map.of("adjustBy", -15, "reason", "damaged in storage"),
                "If-Match", etag);
        assertThat(adjusted.status()).isEqualTo(200);
        assertThat(adjusted.body().path("quantity").asInt()).isEqualTo(25);

        Response stale = put(base + "TEA-250G", seller.token(), Map.of("quantity", 100), "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        Response staleBody = put(base + "TEA-250G", seller.token(), Map.of("quantity", 100, "version", 0));
        assertThat(staleBody.status()).isEqualTo(412);
        assertThat(staleBody.problemType()).endsWith("/stale-version").isEqualTo(stale.problemType());
        assertThat(staleBody.body().path("currentVersion").asLong()).isEqualTo(2);
        assertThat(quantity(storeId, "TEA-250G")).isEqualTo(25);

        Response got = get(base + "TEA-250G", seller.token());
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.header("ETag")).isEqualTo(adjusted.header("ETag"));

        Response history = get(base + "TEA-250G/history", seller.token());
        assertThat(history.body().path("items")).hasSize(2);
        JsonNode latest = history.body().path("items").get(0);
        assertThat(latest.path("kind").asString()).isEqualTo("ADJUST");
        assertThat(latest.path("quantityDelta").asInt()).isEqualTo(-15);
        assertThat(latest.path("reason").asString()).isEqualTo("damaged in storage");
        assertThat(latest.path("actor").asString()).isEqualTo(seller.userId());
        assertThat(history.body().path("items").get(1).path("kind").asString()).isEqualTo("SET");

        Response list = get("/stores/" + storeId + "/inventory", seller.token());
        assertThat(list.body().path("items").findValuesAsString("sku")).containsExactly("TEA-250G");
        assertThat(published(Topics.SELLER_INVENTORY, "StockLevelChanged", storeId + ":TEA-250G"))
                .extracting(e -> e.path("available").asInt()).containsExactly(40, 25);
    }

    @Test
    void stockCannotGoBelowWhatIsReservedOrBelowZero() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Careful");
        String base = "/stores/" + storeId + "/inventory/";
        setStock(seller, storeId, "RICE-5KG", 3, 0);

        Response negative = put(base + "RICE-5KG", seller.token(), Map.of("adjustBy", -4));
        assertThat(negative.status()).isEqualTo(409);
        assertThat(negative.problemType()).endsWith("/stock-below-reserved");
        assertThat(put(base + "RICE-5KG", seller.token(), Map.of("quantity", -1)).status()).isEqualTo(400);
        assertThat(quantity(storeId, "RICE-5KG")).isEqualTo(3);
    }

    @Test
    void badInventoryRequestsAreProblemsNotErrors() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Strict");
        String base = "/stores/" + storeId + "/inventory/";

        Response both = put(base + "A-1", seller.token(), Map.of("quantity", 1, "adjustBy", 1));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().path("errors").findValuesAsString("field")).contains("quantityOrAdjustment");
        assertThat(put(base + "A-1", seller.token(), Map.of()).status()).isEqualTo(400);
        assertThat(put(base + "A-1", seller.token(), Map.of("quantity", "many")).status()).isEqualTo(400);
        assertThat(put(base + "bad%20sku", seller.token(), Map.of("quantity", 1)).status()).isEqualTo(400);
        assertThat(put(base + "A-1", seller.token(), Map.of("quantity", 1), "If-Match", "\"7\"").status())
                .isEqualTo(412);
        assertThat(get(base + "NO-SUCH-SKU", seller.token()).status()).isEqualTo(404);
        assertThat(get("/stores/" + storeId + "/inventory?size=500", seller.token()).status()).isEqualTo(400);
        assertThat(get("/stores/" + storeId + "/inventory?page=-1", seller.token()).status()).isEqualTo(400);
    }

    @Test
    void aLowStockAlertIsRaisedOncePerDownwardCrossing() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Alerting");
        String sku = "SOAP-1";
        String path = "/stores/" + storeId + "/inventory/" + sku;
        setStock(seller, storeId, sku, 10, 3);

        put(path, seller.token(), Map.of("adjustBy", -6));     // 4 left: above the threshold
        assertThat(alerts(seller, storeId)).isEmpty();
        put(path, seller.token(), Map.of("adjustBy", -1));     // 3 left: crossed
        put(path, seller.token(), Map.of("adjustBy", -2));     // 1 left: still low, no second alert
        JsonNode alerts = alerts(seller, storeId);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).path("sku").asString()).isEqualTo(sku);
        assertThat(alerts.get(0).path("available").asInt()).isEqualTo(3);
        assertThat(alerts.get(0).path("threshold").asInt()).isEqualTo(3);
        assertThat(alerts.get(0).path("open").asBoolean()).isTrue();
        assertThat(get(path, seller.token()).body().path("lowStock").asBoolean()).isTrue();

        put(path, seller.token(), Map.of("quantity", 20));      // restocked: the alert is resolved
        put(path, seller.token(), Map.of("quantity", 2));       // crossed again: a second alert
        JsonNode after = alerts(seller, storeId);
        assertThat(after).hasSize(2);
        assertThat(after.get(0).path("open").asBoolean()).isTrue();
        assertThat(after.get(1).path("open").asBoolean()).isFalse();
        assertThat(get("/stores/" + storeId + "/inventory/alerts?open=true", seller.token()).body().path("items"))
                .hasSize(1);
        assertThat(published(Topics.SELLER_INVENTORY, "LowStock", storeId + ":" + sku)).hasSize(2)
                .allSatisfy(e -> assertThat(e.path("sellerId").asString()).isEqualTo(seller.sellerId()))
                .extracting(e -> e.path("available").asInt()).containsExactly(3, 2);
        assertThat(get("/stores/" + storeId + "/inventory?lowStock=true", seller.token())
                .body().path("items").findValuesAsString("sku")).containsExactly(sku);
    }

    @Test
    void raisingTheThresholdAboveAvailableStockRaisesAnAlert() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Threshold");
        setStock(seller, storeId, "CUP", 8, 2);
        Map<String, Object> body = new HashMap<>();
        body.put("lowStockThreshold", 10);
        Response raised = put("/stores/" + storeId + "/inventory/CUP", seller.token(), body);
        assertThat(raised.body().path("lowStock").asBoolean()).isTrue();
        assertThat(raised.body().path("quantity").asInt()).isEqualTo(8);
        assertThat(alerts(seller, storeId)).hasSize(1);
        assertThat(get("/stores/" + storeId + "/inventory/CUP/history", seller.token()).body().path("items").get(0)
                .path("kind").asString()).isEqualTo("THRESHOLD");
    }

    @Test
    void anotherSellersInventoryIsNotFound() {
        SellerAccount owner = approvedSeller();
        SellerAccount other = approvedSeller();
        String storeId = createStore(owner, "Private Stock");
        setStock(owner, storeId, "X-1", 1, 0);

        assertThat(get("/stores/" + storeId + "/inventory", other.token()).status()).isEqualTo(404);
        assertThat(get("/stores/" + storeId + "/inventory/X-1", other.token()).status()).isEqualTo(404);
        assertThat(put("/stores/" + storeId + "/inventory/X-1", other.token(), Map.of("quantity", 0)).status())
                .isEqualTo(404);
        assertThat(get("/stores/" + storeId + "/inventory/alerts", other.token()).status()).isEqualTo(404);
        assertThat(get("/stores/" + storeId + "/inventory/X-1/history", other.token()).status()).isEqualTo(404);
        assertThat(quantity(storeId, "X-1")).isEqualTo(1);
        // admins may read any store's stock
        assertThat(get("/stores/" + storeId + "/inventory/X-1", admin().token()).status()).isEqualTo(200);
    }

    private JsonNode alerts(SellerAccount seller, String storeId) {
        Response response = get("/stores/" + storeId + "/inventory/alerts", seller.token());
        assertThat(response.status()).isEqualTo(200);
        return response.body().path("items");
    }
}
