package io.haat.seller.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.orders.OrderConfirmed;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.seller.SellerIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /admin/stores}, {@code POST /admin/stores/{id}/suspend} and {@code /reinstate}. */
class AdminStoreApiTest extends SellerIntegrationTest {

    @Test
    void adminsListStoresWithFiltersSkuCountsAndRecentSales() {
        SellerAccount seller = approvedSeller();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String busy = createStore(seller, "Busy " + tag);
        String quiet = createStore(seller, "Quiet " + tag);
        setStock(seller, busy, "B-1", 10, 0);
        setStock(seller, busy, "B-2", 10, 0);
        sell(seller, busy, "B-1", 2, Instant.now().minus(2, ChronoUnit.DAYS));
        sell(seller, busy, "B-2", 1, Instant.now().minus(40, ChronoUnit.DAYS));   // older than 30 days

        Response page = get("/admin/stores?sellerId=" + seller.sellerId(), admin().token());
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        assertThat(page.body().path("totalItems").asLong()).isEqualTo(2);
        JsonNode first = page.body().path("items").get(0);
        assertThat(first.path("id").asString()).isEqualTo(busy);
        assertThat(first.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(first.path("skuCount").asLong()).isEqualTo(2);
        assertThat(first.path("last30Days")).singleElement().satisfies(sales -> {
            assertThat(sales.path("currency").asString()).isEqualTo("NPR");
            assertThat(sales.path("orders").asLong()).isEqualTo(1);
            assertThat(sales.path("revenue").path("amountMinor").asLong()).isEqualTo(2_000);
            assertThat(sales.path("netRevenue").path("amountMinor").asLong()).isEqualTo(2_000);
        });
        JsonNode second = page.body().path("items").get(1);
        assertThat(second.path("skuCount").asLong()).isZero();
        assertThat(second.path("last30Days")).isEmpty();

        // by name fragment (case-insensitive; % and _ are literal), status, paging
        assertThat(get("/admin/stores?q=quiet%20" + tag, admin().token()).body().path("items")
                .findValuesAsString("id")).containsExactly(quiet);
        assertThat(get("/admin/stores?q=%25" + tag, admin().token()).body().path("totalItems").asLong()).isZero();
        assertThat(get("/admin/stores?sellerId=" + seller.sellerId() + "&size=1&page=1", admin().token()).body()
                .path("items").findValuesAsString("id")).containsExactly(quiet);
        post("/admin/stores/" + quiet + "/suspend", admin().token(), Map.of("reason", "counterfeits"));
        assertThat(get("/admin/stores?status=SUSPENDED&sellerId=" + seller.sellerId(), admin().token()).body()
                .path("items").findValuesAsString("id")).containsExactly(quiet);
        assertThat(get("/admin/stores?status=ACTIVE&sellerId=" + seller.sellerId(), admin().token()).body()
                .path("items").findValuesAsString("id")).containsExactly(busy);

        for (String bad : List.of("status=OPEN", "sellerId=nope", "size=0", "page=-1")) {
            Response refused = get("/admin/stores?" + bad, admin().token());
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void aSuspensionHidesTheStoreOnceAndReinstatementBringsItBack() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Suspect");
        String admin = admin().token();

        Response suspended = post("/admin/stores/" + storeId + "/suspend", admin, Map.of("reason", "counterfeits"));
        assertThat(suspended.status()).as(suspended.body().toString()).isEqualTo(200);
        assertThat(suspended.body().path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.body().path("suspensionReason").asString()).isEqualTo("counterfeits");
        assertThat(get("/stores/" + storeId, null).status()).isEqualTo(404);
        assertThat(get("/stores/" + storeId, seller.token()).status()).as("the owner still sees it").isEqualTo(200);

        // already there: 200 as it is, nothing written, the first reason stands
        Response again = post("/admin/stores/" + storeId + "/suspend", admin, Map.of("reason", "spam"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("suspensionReason").asString()).isEqualTo("counterfeits");
        assertThat(again.body().path("version").asLong()).isEqualTo(suspended.body().path("version").asLong());

        // lifting a ban of the seller does not reinstate a store an admin suspended on its own
        String sellerPath = "/admin/sellers/" + seller.sellerId();
        assertThat(post(sellerPath + "/ban", admin, Map.of("reason", "fraud")).status()).isEqualTo(200);
        Response whileBanned = post("/admin/stores/" + storeId + "/reinstate", admin, null);
        assertThat(whileBanned.status()).isEqualTo(409);
        assertThat(whileBanned.problemType()).endsWith("/seller-banned");
        assertThat(post(sellerPath + "/unban", admin, null).status()).isEqualTo(200);
        assertThat(get("/stores/" + storeId, null).status()).isEqualTo(404);

        Response reinstated = post("/admin/stores/" + storeId + "/reinstate", admin, null);
        assertThat(reinstated.status()).isEqualTo(200);
        assertThat(reinstated.body().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(reinstated.body().path("suspensionReason").isNull()).isTrue();
        assertThat(post("/admin/stores/" + storeId + "/reinstate", admin, null).body().path("version").asLong())
                .isEqualTo(reinstated.body().path("version").asLong());
        assertThat(get("/stores/" + storeId, null).status()).isEqualTo(200);

        assertThat(published(Topics.SELLER_STORE, "StoreChanged", storeId))
                .extracting(e -> e.path("status").asString()).containsExactly("ACTIVE", "SUSPENDED", "ACTIVE");
        List<JsonNode> audit = published(Topics.AUDIT_EVENTS, "AuditRecorded", "store:" + storeId);
        assertThat(audit).extracting(e -> e.path("action").asString())
                .containsExactly("store.create", "store.suspend", "store.reinstate");
        assertThat(audit.get(1).toString()).contains("counterfeits");

        // a suspended store takes no orders (the reservation refuses its lines)
        post("/admin/stores/" + storeId + "/suspend", admin, Map.of("reason", "again"));
        assertRejectsOrders(storeId);
    }

    @Test
    void unknownStoresAndBadBodiesAreProblems() {
        String admin = admin().token();
        UUID ghost = UUID.randomUUID();
        assertThat(post("/admin/stores/" + ghost + "/suspend", admin, Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(post("/admin/stores/" + ghost + "/reinstate", admin, null).status()).isEqualTo(404);
        String storeId = createStore(approvedSeller(), "Reasonless");
        assertThat(post("/admin/stores/" + storeId + "/suspend", admin, Map.of("reason", " ")).status()).isEqualTo(400);
        assertThat(post("/admin/stores/not-a-uuid/reinstate", admin, null).status()).isEqualTo(400);
    }

    private void assertRejectsOrders(String storeId) {
        // a reservation on a suspended store is rejected before any stock is read
        String orderId = UUID.randomUUID().toString();
        Money price = new Money(1_000, "NPR");
        deliver(new OrderPlaced(orderId, "c-1", price, List.of(new OrderLine("so-" + orderId, storeId, "p", "X-1", 1,
                price)), List.of(SellerOrderTotals.undiscounted("so-" + orderId, storeId, "seller", price))));
        assertThat(published(Topics.SELLER_INVENTORY, "StockRejected", orderId)).hasSize(1);
    }

    private void sell(SellerAccount seller, String storeId, String sku, int quantity, Instant at) {
        String orderId = UUID.randomUUID().toString();
        Money price = new Money(1_000, "NPR");
        Money total = price.times(quantity);
        OrderPlaced placed = new OrderPlaced(orderId, "c-1", total, List.of(new OrderLine("so-" + orderId, storeId,
                "product-" + sku, sku, quantity, price)), List.of(SellerOrderTotals.undiscounted("so-" + orderId,
                storeId, seller.sellerId(), total)));
        deliver(new EventEnvelope<>(UUID.randomUUID(), "OrderPlaced", at, orderId, 1, placed));
        deliver(new EventEnvelope<>(UUID.randomUUID(), "OrderConfirmed", at, orderId, 2,
                new OrderConfirmed(orderId, "c-1", total)));
    }
}
