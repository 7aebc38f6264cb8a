package io.haat.seller.analytics;

import io.haat.events.orders.SellerOrderStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.catalog.ProductTracked;
import io.haat.events.orders.CancellationReason;
import io.haat.events.orders.OrderCancelled;
import io.haat.events.orders.OrderConfirmed;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.seller.SellerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

class AnalyticsApiTest extends SellerIntegrationTest {

    private static final Money PRICE = new Money(50_000, "NPR");
    // 18:20 UTC on the 10th is 00:05 on the 11th in Kathmandu (+05:45)
    private static final Instant FIRST_SALE = Instant.parse("2025-03-10T18:20:00Z");

    @Autowired
    TrackingListener tracking;
    @Autowired
    KafkaTemplate<String, String> kafka;

    private SellerAccount seller;
    private String storeId;

    @BeforeEach
    void aStoreWithSales() {
        seller = approvedSeller();
        storeId = createStore(seller, "Analysed");
        setStock(seller, storeId, "A", 100, 0);
        setStock(seller, storeId, "B", 100, 0);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        at(FIRST_SALE, placed(first, "c-1", "so-1", line("so-1", "A", 2)));
        at(FIRST_SALE, new OrderConfirmed(first, "c-1", PRICE.times(2)));
        at(Instant.parse("2025-03-12T10:00:00Z"), placed(second, "c-2", "so-2", line("so-2", "B", 1)));
        at(Instant.parse("2025-03-12T10:00:00Z"), new OrderConfirmed(second, "c-2", PRICE));
        at(Instant.parse("2025-03-13T10:00:00Z"), new OrderCancelled(second, "c-2", "changed mind",
                CancellationReason.CUSTOMER_CANCELLED, true));
        at(Instant.parse("2025-03-14T10:00:00Z"), new SellerOrderStatusChanged("so-1", first, storeId, SellerOrderStatus.DELIVERED,
                PRICE.times(2), Instant.parse("2025-03-14T10:00:00Z")));
        at(Instant.parse("2025-03-15T10:00:00Z"), new SellerOrderStatusChanged("so-1", first, storeId, SellerOrderStatus.RETURNED,
                new Money(20_000, "NPR"), Instant.parse("2025-03-15T10:00:00Z")));
    }

    @Test
    void salesAreSummedByDayInTheCallersTimeZone() {
        Response kathmandu = get(sales("from=2025-03-10&to=2025-03-16&granularity=day&tz=Asia/Kathmandu"), seller.token());
        assertThat(kathmandu.status()).isEqualTo(200);
        JsonNode series = kathmandu.body().path("series");
        assertThat(series).hasSize(7);
        assertThat(series.get(0).path("periodStart").asString()).isEqualTo("2025-03-10");
        assertThat(series.get(0).path("orders").asInt()).isZero();
        assertThat(series.get(1).path("orders").asInt()).isEqualTo(1);
        assertThat(series.get(1).path("units").asInt()).isEqualTo(2);
        assertThat(series.get(1).path("revenue").path("amountMinor").asLong()).isEqualTo(100_000);
        assertThat(series.get(3).path("cancellations").asInt()).isEqualTo(1);

        JsonNode totals = kathmandu.body().path("totals");
        assertThat(totals.path("orders").asInt()).isEqualTo(2);
        assertThat(totals.path("units").asInt()).isEqualTo(3);
        assertThat(totals.path("revenue").path("amountMinor").asLong()).isEqualTo(150_000);
        assertThat(totals.path("revenue").path("currency").asString()).isEqualTo("NPR");
        assertThat(totals.path("averageOrderValue").path("amountMinor").asLong()).isEqualTo(75_000);
        assertThat(totals.path("cancellations").asInt()).isEqualTo(1);
        assertThat(totals.path("deliveries").asInt()).isEqualTo(1);
        assertThat(totals.path("returns").asInt()).isEqualTo(1);
        assertThat(totals.path("returnedAmount").path("amountMinor").asLong()).isEqualTo(20_000);
        assertThat(totals.path("netRevenue").path("amountMinor").asLong()).isEqualTo(80_000);
        assertThat(kathmandu.body().path("timeZone").asString()).isEqualTo("Asia/Kathmandu");

        Response utc = get(sales("from=2025-03-10&to=2025-03-16&granularity=day"), seller.token());
        assertThat(utc.body().path("series").get(0).path("orders").asInt()).isEqualTo(1);
        assertThat(utc.body().path("series").get(1).path("orders").asInt()).isZero();
        // the range boundary is local too: in Kathmandu the first sale is outside the 10th
        assertThat(get(sales("from=2025-03-10&to=2025-03-10&tz=%2B05:45"), seller.token())
                .body().path("totals").path("orders").asInt()).isZero();
    }

    @Test
    void salesAreSummedByWeekAndMonth() {
        Response week = get(sales("from=2025-03-10&to=2025-03-23&granularity=week&tz=Asia/Kathmandu"), seller.token());
        assertThat(week.body().path("series")).as(week.body().toString()).hasSize(2);
        assertThat(week.body().path("totals").path("orders").asInt()).as(week.body().toString()).isEqualTo(2);
        assertThat(week.body().path("series").get(0).path("periodStart").asString()).isEqualTo("2025-03-10");
        assertThat(week.body().path("series").get(0).path("periodEnd").asString()).isEqualTo("2025-03-16");
        assertThat(week.body().path("series").get(0).path("orders").asInt()).isEqualTo(2);
        assertThat(week.body().path("series").get(1).path("orders").asInt()).isZero();

        Response month = get(sales("from=2025-02-01&to=2025-03-31&granularity=MONTH"), seller.token());
        assertThat(month.body().path("series").findValuesAsString("periodStart"))
                .containsExactly("2025-02-01", "2025-03-01");
        assertThat(month.body().path("series").get(1).path("revenue").path("amountMinor").asLong()).isEqualTo(150_000);
    }

    @Test
    void productPerformanceCombinesTrackingAndSales() throws Exception {
        Instant at = Instant.parse("2025-03-11T08:00:00Z");
        for (String kind : List.of("VIEW", "PRODUCT_VIEW", "view", "product-view", "SEARCH_CLICK", "click", "ADD_TO_CART")) {
            assertThat(tracking.record(EventEnvelope.of(new ProductTracked("product-A", storeId, kind, null, at), 0)))
                    .isTrue();
        }
        assertThat(tracking.record(EventEnvelope.of(new ProductTracked("product-A", storeId, "HOVER", null, at), 0)))
                .isFalse();
        // and one view through Kafka
        kafka.send(Topics.CATALOG_TRACKING, "product-B", envelopes.toJson(
                EventEnvelope.of(new ProductTracked("product-B", storeId, "VIEW", "u-1", at), 0))).get();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                products("from=2025-03-01&to=2025-03-31").path("totalItems").asLong()).isEqualTo(2));
        JsonNode report = products("from=2025-03-01&to=2025-03-31&tz=Asia/Kathmandu");
        JsonNode a = report.path("items").get(0);
        assertThat(a.path("productId").asString()).isEqualTo("product-A");
        assertThat(a.path("views").asLong()).isEqualTo(4);
        assertThat(a.path("clicks").asLong()).isEqualTo(2);
        assertThat(a.path("addToCart").asLong()).isEqualTo(1);
        assertThat(a.path("orders").asLong()).isEqualTo(1);
        assertThat(a.path("units").asLong()).isEqualTo(2);
        assertThat(a.path("clickThroughRate").asDouble()).isEqualTo(0.5);
        assertThat(a.path("conversionRate").asDouble()).isEqualTo(0.25);
        assertThat(report.path("totals").path("views").asLong()).isEqualTo(5);
        assertThat(products("from=2025-03-01&to=2025-03-31&sort=units").path("items").get(0).path("productId")
                .asString()).isEqualTo("product-A");
    }

    @Test
    void badParametersAreProblems() {
        for (String query : List.of("granularity=year", "tz=Mars/Olympus", "from=2025-03-10&to=2025-03-01",
                "from=yesterday", "from=2020-01-01&to=2025-01-01", "currency=XX")) {
            Response response = get(sales(query), seller.token());
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(get("/stores/" + storeId + "/analytics/products?sort=price", seller.token()).status()).isEqualTo(400);
    }

    @Test
    void anotherSellersAnalyticsAreNotFound() {
        SellerAccount other = approvedSeller();
        assertThat(get(sales("granularity=day"), other.token()).status()).isEqualTo(404);
        assertThat(get("/stores/" + storeId + "/analytics/products", other.token()).status()).isEqualTo(404);
        assertThat(get(sales("granularity=day"), user("CUSTOMER").token()).status()).isEqualTo(403);
        assertThat(get(sales("granularity=day"), null).status()).isEqualTo(401);
    }

    private String sales(String query) {
        return "/stores/" + storeId + "/analytics/sales?" + query;
    }

    private JsonNode products(String query) {
        Response response = get("/stores/" + storeId + "/analytics/products?" + query, seller.token());
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private OrderLine line(String sellerOrderId, String sku, int quantity) {
        return new OrderLine(sellerOrderId, storeId, "product-" + sku, sku, quantity, PRICE);
    }

    private OrderPlaced placed(String orderId, String customerId, String sellerOrderId, OrderLine line) {
        Money total = line.unitPrice().times(line.quantity());
        return new OrderPlaced(orderId, customerId, total, List.of(line),
                List.of(SellerOrderTotals.undiscounted(sellerOrderId, storeId, seller.sellerId(), total)));
    }

    private void at(Instant when, DomainEvent event) {
        deliver(new EventEnvelope<>(UUID.randomUUID(), event.getClass().getSimpleName(), when, event.aggregateId(), 1,
                event));
    }
}
