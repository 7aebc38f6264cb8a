package io.haat.order.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.order.FulfilmentSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import tools.jackson.databind.JsonNode;

/**
 * The store's side of fulfilment over HTTP: process, ship (own carrier or the marketplace's agents), cancel before
 * shipment, confirm a carrier's delivery, the packing slip; who may do it and what each step publishes.
 */
class FulfilmentApiTest extends FulfilmentSupport {

    @Test
    void aStoreProcessesShipsWithItsCarrierAndConfirmsTheDelivery() {
        User seller = user("SELLER");
        String store = sellingStore(seller);
        Product tea = sellingProduct(store, "tea", 500, 10);
        User customer = customer();
        String orderId = confirmedOrder(customer, province(), tea);
        String part = sellerOrderOf(customer, orderId, store);

        JsonNode processed = ok(sellerPost(seller, part, "process", null)).body();
        assertThat(processed.path("status").asString()).isEqualTo("PROCESSING");
        assertThat(processed.path("shipTo").path("city").asString()).isEqualTo("Kathmandu");
        assertThat(ok(sellerPost(seller, part, "process", null)).body().path("status").asString())
                .isEqualTo("PROCESSING");

        JsonNode shipped = ok(sellerPost(seller, part, "ship", Map.of("carrier", "Nepal Post", "trackingNumber",
                "NP-1", "trackingUrl", "https://track.example/NP-1"))).body();
        assertThat(shipped.path("status").asString()).isEqualTo("SHIPPED");
        assertThat(shipped.path("shipment").path("carrier").asString()).isEqualTo("Nepal Post");
        assertThat(shipped.path("delivery").path("status").asString()).isEqualTo("WITH_CARRIER");
        assertThat(shipped.path("delivery").path("trackingNumber").asString()).isEqualTo("NP-1");
        // already shipped: 200, nothing new
        assertThat(ok(sellerPost(seller, part, "ship", Map.of("carrier", "Other"))).body().path("shipment")
                .path("carrier").asString()).isEqualTo("Nepal Post");
        assertProblem(sellerPost(seller, part, "process", null), 409, "illegal-seller-order-transition", null);
        assertProblem(sellerPost(seller, part, "cancel", Map.of("reason", "late")), 409,
                "illegal-seller-order-transition", null);

        JsonNode seen = sellerOrderView(customer, orderId, part);
        assertThat(seen.path("status").asString()).isEqualTo("SHIPPED");
        assertThat(seen.path("delivery").path("id").asString()).isNotBlank();
        assertThat(seen.path("delivery").path("status").asString()).isEqualTo("WITH_CARRIER");
        assertThat(seen.path("delivery").path("estimatedFrom").asString()).isNotBlank();
        assertThat(events(order(customer, orderId))).contains("PROCESSING", "SHIPPED");

        assertProblem(sellerPost(seller, part, "delivered", Map.of("codCollected",
                Map.of("amountMinor", 600, "currency", "NPR"))), 422, "cod-amount-mismatch", null);
        JsonNode delivered = ok(sellerPost(seller, part, "delivered", Map.of("recipientName", "Sita"))).body();
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("deliveredAt").asString()).isNotBlank();
        assertThat(delivered.path("returnWindowEndsAt").asString()).isNotBlank();
        assertThat(delivered.path("delivery").path("status").asString()).isEqualTo("DELIVERED");

        List<JsonNode> changes = outboxPayloads(orderId, "SellerOrderStatusChanged");
        assertThat(changes.stream().map(c -> c.path("status").asString()))
                .containsExactly("CONFIRMED", "PROCESSING", "SHIPPED", "DELIVERED");
        JsonNode shippedEvent = changes.get(2);
        assertThat(shippedEvent.path("note").asString()).contains("Nepal Post", "NP-1");
        assertThat(shippedEvent.path("customerId").asString()).isEqualTo(customer.id());
        assertThat(shippedEvent.path("sellerId").asString()).isNotBlank();
        assertThat(outboxPayloads(orderId, "DeliveryStatusChanged").stream().map(c -> c.path("status").asString()))
                .containsExactly("WITH_CARRIER", "DELIVERED");
        assertThat(outbox(orderId)).doesNotContain("CashCollected");
        assertThat(audited("seller-order", part)).containsExactly("seller-order.process", "seller-order.ship",
                "seller-order.delivered");
        // the outbox relay hands every one of them to Kafka
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT count(*) FROM outbox WHERE aggregate_id = ? AND sent_at IS NULL").param(orderId)
                .query(Long.class).single()).isZero());
    }

    @Test
    void shippingNeedsACarrierForATrackingNumberAndAnHttpUrl() {
        User seller = user("SELLER");
        String store = sellingStore(seller);
        User customer = customer();
        String orderId = confirmedOrder(customer, province(), sellingProduct(store, "tea", 500, 10));
        String part = sellerOrderOf(customer, orderId, store);
        assertProblem(sellerPost(seller, part, "ship", Map.of("trackingNumber", "X-1")), 400, "validation",
                "carrier");
        assertProblem(sellerPost(seller, part, "ship", Map.of("carrier", "DHL", "trackingUrl", "javascript:x")),
                400, "validation", "trackingUrl");
        assertThat(sellerOrderView(customer, orderId, part).path("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void cancellingOneStoresPartKeepsTheOrderAndTheLastCancelsIt() {
        User sellerA = user("SELLER");
        User sellerB = user("SELLER");
        String storeA = sellingStore(sellerA);
        String storeB = sellingStore(sellerB);
        User customer = customer();
        String orderId = confirmedOrder(customer, province(), sellingProduct(storeA, "tea", 500, 10),
                sellingProduct(storeB, "mug", 700, 10));
        String partA = sellerOrderOf(customer, orderId, storeA);
        String partB = sellerOrderOf(customer, orderId, storeB);

        assertProblem(sellerPost(sellerA, partA, "cancel", Map.of("reason", " ")), 400, "validation", "reason");
        assertProblem(sellerPost(sellerA, partA, "cancel", null), 400, null, null);
        JsonNode cancelled = ok(sellerPost(sellerA, partA, "cancel", Map.of("reason", "out of stock"))).body();
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(ok(sellerPost(sellerA, partA, "cancel", Map.of("reason", "again"))).body().path("status")
                .asString()).isEqualTo("CANCELLED");
        assertThat(status(customer, orderId)).isEqualTo("CONFIRMED");
        JsonNode event = outboxPayloads(orderId, "SellerOrderStatusChanged").getLast();
        assertThat(event.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(event.path("sellerOrderId").asString()).isEqualTo(partA);
        assertThat(event.path("storeId").asString()).isEqualTo(storeA);
        assertThat(event.path("note").asString()).contains("out of stock");
        assertThat(event.path("amount").path("amountMinor").asLong()).isEqualTo(600);

        ok(sellerPost(sellerB, partB, "process", null));
        ok(sellerPost(sellerB, partB, "cancel", Map.of("reason", "closing")));
        JsonNode order = order(customer, orderId);
        assertThat(order.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.path("cancellation").path("reason").asString()).isEqualTo("SELLER_CANCELLED");
        // CONFIRMED ×2, A's CANCELLED, B's PROCESSING, then the whole order: no per-store CANCELLED for B
        assertThat(outbox(orderId)).containsExactly("OrderPlaced", "OrderAwaitingPayment", "OrderConfirmed",
                "SellerOrderStatusChanged", "SellerOrderStatusChanged", "SellerOrderStatusChanged",
                "SellerOrderStatusChanged", "OrderCancelled");
        assertThat(audited("seller-order", partB)).containsExactly("seller-order.process", "seller-order.cancel");
        JsonNode orderCancelled = outboxPayload(orderId, "OrderCancelled");
        assertThat(orderCancelled.path("reasonCode").asString()).isEqualTo("SELLER_CANCELLED");
        assertThat(orderCancelled.path("refundDue").asBoolean()).isTrue();
        assertThat(outboxPayloads(orderId, "SellerOrderStatusChanged").stream()
                .filter(c -> c.path("status").asString().equals("CANCELLED"))
                .map(c -> c.path("sellerOrderId").asString())).containsExactly(partA);
    }

    @Test
    void thePackingSlipIsAPdfWithTheLinesTheAddressAndTheIds() throws Exception {
        User seller = user("SELLER");
        String store = sellingStore(seller);
        User customer = customer();
        String orderId = confirmedOrder(customer, province(), sellingProduct(store, "darjeeling", 500, 10),
                sellingProduct(store, "oolong", 800, 10));
        String part = sellerOrderOf(customer, orderId, store);

        HttpResponse<byte[]> slip = getBytes("/seller-orders/" + part + "/packing-slip", seller.token(),
                "application/pdf");
        assertThat(slip.statusCode()).isEqualTo(200);
        assertThat(slip.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(new String(slip.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(slip.body());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("Packing slip", orderId, part, "SKU-darjeeling", "SKU-oolong", "darjeeling",
                "Sita Sharma", "Thamel 12", "Kathmandu", "Units: 2");
        // the barcode is drawn as an image of its own
        assertThat(reader.getPageN(1).getAsDict(org.openpdf.text.pdf.PdfName.RESOURCES)
                .getAsDict(org.openpdf.text.pdf.PdfName.XOBJECT)).isNotNull();
        reader.close();

        assertThat(getBytes("/seller-orders/" + part + "/packing-slip", user("SELLER").token(), "application/pdf")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheStoresOwnerSeesItsSellerOrdersAndOnlyOnceConfirmed() {
        User seller = user("SELLER");
        String store = sellingStore(seller);
        User customer = customer();
        Product tea = sellingProduct(store, "tea", 500, 10);
        String unpaid = placeOrderTo(customer, "SANDBOX", province(), tea);
        String pending = sellerOrderOf(customer, unpaid, store);
        String orderId = confirmedOrder(customer, province(), tea);
        String part = sellerOrderOf(customer, orderId, store);
        User other = user("SELLER");
        sellingStore(other);

        List<String[]> actions = List.of(new String[] {"process", null}, new String[] {"ship", null},
                new String[] {"cancel", "r"}, new String[] {"delivered", null});
        for (String[] action : actions) {
            Object body = action[1] == null ? null : Map.of("reason", action[1]);
            assertProblem(sellerPost(other, part, action[0], body), 404, "seller-order-not-found", null);
            assertProblem(sellerPost(seller, pending, action[0], body), 404, "seller-order-not-found", null);
            assertProblem(sellerPost(seller, UUID.randomUUID().toString(), action[0], body), 404,
                    "seller-order-not-found", null);
            assertThat(call("POST", "/seller-orders/" + part + "/" + action[0], null, body).status())
                    .as(action[0]).isEqualTo(401);
            for (String role : new String[] {"CUSTOMER", "ADMIN", "DELIVERY_AGENT"}) {
                assertProblem(call("POST", "/seller-orders/" + part + "/" + action[0], user(role).token(),
                        "{\"broken\": "), 403, "forbidden", null);
            }
        }
        assertProblem(get("/seller-orders/" + part + "/packing-slip", other.token()), 404, "seller-order-not-found",
                null);
        assertThat(get("/seller-orders/" + part + "/packing-slip", null).status()).isEqualTo(401);
        assertProblem(get("/seller-orders/" + part + "/packing-slip", customer.token()), 403, "forbidden", null);
        assertThat(sellerOrderView(customer, orderId, part).path("status").asString()).isEqualTo("CONFIRMED");
    }
}
