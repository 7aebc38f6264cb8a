package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12 through the gateway. A paid order: the store processes and ships it, the admin assigns the demo courier,
 * who picks it up, goes out for delivery and delivers; the customer reviews the product (catalog now knows the
 * purchase was delivered), asks to return one unit, the store approves and receives it; the refund shows in the
 * customer's payments, is netted from the seller's pending earnings, and the unit is back in stock. A cash-on-delivery
 * order is collected on delivery (a wrong amount refused). The admin's order list sees both orders' payment states.
 */
class FulfilmentJourneyIT {

    private static final long PRICE = 500_000;
    private static final int QUANTITY = 2;
    /** The store's own commission rule (12.5 %), so the netting is computed from a known rate. */
    private static final int STORE_COMMISSION_BPS = 1250;

    @Test
    void paidOrderShippedDeliveredReviewedReturnedRefundedAndACashOrderCollected() {
        String category = Sellers.category("E2E Fulfilment");
        Sellers.Store store = Sellers.approvedWithStore("E2E Thangka");
        Sellers.Listed thangka = Sellers.listAndStock(store, category, "Thangka painting", PRICE, 10);
        Sellers.flatShipping(store, 0);
        HttpResponse<String> rule = Gateway.put("/api/v1/admin/commissions/stores/" + store.storeId(),
                Accounts.adminToken(), "{\"basisPoints\": %d}".formatted(STORE_COMMISSION_BPS));
        assertThat(rule.statusCode()).as(rule.body()).isIn(200, 201);
        String courier = Deliveries.courierToken();
        String courierId = Deliveries.subject(courier);

        Accounts.Account customer = Accounts.newVerified("CUSTOMER");
        String token = customer.accessToken();
        Shopping.addWhenPurchasable(token, thangka, QUANTITY);
        String orderId = Shopping.checkout(token);
        Shopping.awaitStatus(token, orderId, "AWAITING_PAYMENT");
        assertThat(Shopping.pay(token, orderId).get("status").asString()).isEqualTo("CAPTURED");
        JsonNode order = Shopping.awaitStatus(token, orderId, "CONFIRMED");
        String partId = Shopping.sellerOrderOf(order, store.storeId()).get("id").asString();
        long total = Shopping.minor(order.get("total"));
        assertThat(total).isEqualTo(PRICE * QUANTITY);

        // the store processes and ships with no carrier of its own: the delivery waits for an agent
        assertThat(Deliveries.sellerMove(store, partId, "process", "").get("status").asString()).isEqualTo("PROCESSING");
        assertThat(Deliveries.sellerMove(store, partId, "ship", "{}").get("status").asString()).isEqualTo("SHIPPED");
        String deliveryId = Deliveries.deliveryId(token, orderId, store.storeId());
        JsonNode assigned = Deliveries.assign(deliveryId, courierId);
        assertThat(assigned.get("status").asString()).as(assigned.toString()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("agentId").asString()).isEqualTo(courierId);
        assertThat(assigned.get("pickup").get("storeId").asString()).isEqualTo(store.storeId());
        assertThat(assigned.get("dropOff").get("city").asString()).isEqualTo("Kathmandu");
        assertThat(mine(courier)).as("the courier's panel").contains(deliveryId);

        // the courier's round; only the assigned agent moves it, and never backwards
        Deliveries.step(courier, deliveryId, "PICKED_UP", null);
        Deliveries.step(courier, deliveryId, "OUT_FOR_DELIVERY", null);
        Deliveries.awaitPart(token, orderId, store.storeId(), "OUT_FOR_DELIVERY");
        JsonNode delivered = Deliveries.step(courier, deliveryId, "DELIVERED", "\"recipientName\": \"E2E Customer\"");
        assertThat(delivered.get("steps").size()).as(delivered.toString()).isGreaterThanOrEqualTo(4);
        assertThat(Deliveries.report(courier, deliveryId, "PICKED_UP", null).statusCode()).isEqualTo(409);
        assertThat(Deliveries.report(store.token(), deliveryId, "DELIVERED", null).statusCode()).as("not an agent")
                .isEqualTo(403);
        Deliveries.awaitPart(token, orderId, store.storeId(), "DELIVERED");

        // a verified-purchase review: catalog-service learned the delivery from orders.order
        AtomicReference<HttpResponse<String>> review = new AtomicReference<>();
        await("catalog accepts the review of a delivered purchase").atMost(Shopping.SAGA).untilAsserted(() -> {
            review.set(Gateway.postJson("/api/v1/products/" + thangka.productId() + "/reviews", token, """
                    {"rating": 5, "title": "Beautiful", "text": "Arrived well packed.", "orderId": "%s"}"""
                    .formatted(orderId)));
            assertThat(review.get().statusCode()).as(review.get().body()).isEqualTo(201);
        });
        assertThat(Gateway.json(review.get()).get("verifiedPurchase").asBoolean()).isTrue();

        // earnings are pending (the return window is open): the merchandise net of the store's commission
        long commission = total * STORE_COMMISSION_BPS / 10_000;
        long earnings = total - commission;
        await("earnings pending").atMost(Shopping.SAGA).untilAsserted(() -> assertPending(store, earnings));

        // one unit goes back: requested, approved and received by the store
        HttpResponse<String> requested = Gateway.postJson("/api/v1/orders/" + orderId + "/returns", token, """
                {"lines": [{"sku": "%s", "quantity": 1}], "reason": "CHANGED_MIND", "comment": "Two was one too many."}
                """.formatted(thangka.sku()));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        String returnId = Gateway.json(requested).get("id").asString();
        assertThat(returnMove(store, returnId, "approve").get("status").asString()).isEqualTo("APPROVED");
        JsonNode received = returnMove(store, returnId, "received");
        long refund = Shopping.minor(received.get("refund"));
        assertThat(refund).as("one unit, no discount, no shipping: " + received).isEqualTo(PRICE);

        await("the refund in the customer's payments").atMost(Shopping.SAGA).untilAsserted(() -> {
            HttpResponse<String> payments = Gateway.get("/api/v1/orders/" + orderId + "/payments", token);
            assertThat(payments.statusCode()).as(payments.body()).isEqualTo(200);
            JsonNode payment = Gateway.json(payments).get("items").get(0);
            assertThat(Shopping.minor(payment.get("refunded"))).as(payments.body()).isEqualTo(refund);
            assertThat(payment.get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        });
        // the seller gives back the refund less the commission it carried
        long netted = refund - refund * STORE_COMMISSION_BPS / 10_000;
        await("the refund netted from the seller's pending earnings").atMost(Shopping.SAGA)
                .untilAsserted(() -> assertPending(store, earnings - netted));
        await("the returned unit back in stock").atMost(Shopping.SAGA).untilAsserted(() -> {
            JsonNode stock = Sellers.inventory(store, thangka.sku());
            assertThat(stock.get("quantity").asInt()).as(stock.toString()).isEqualTo(10 - QUANTITY + 1);
            assertThat(stock.get("reserved").asInt()).as(stock.toString()).isZero();
        });

        String codOrderId = cashOnDeliveryCollected(store, thangka, token, courier, courierId);

        // the admin's list sees both, with what order-service knows of their money
        String customerId = Deliveries.subject(token);
        await("the admin's order list").atMost(Shopping.SAGA).untilAsserted(() -> {
            HttpResponse<String> adminOrders = Gateway.get("/api/v1/admin/orders?customerId=" + customerId,
                    Accounts.adminToken());
            assertThat(adminOrders.statusCode()).as(adminOrders.body()).isEqualTo(200);
            JsonNode items = Gateway.json(adminOrders).get("items");
            assertThat(items).as(adminOrders.body()).hasSize(2);
            assertThat(items.get(0).get("id").asString()).isEqualTo(codOrderId);
            assertThat(items.get(0).get("paymentState").asString()).as(adminOrders.body()).isEqualTo("PAID");
            assertThat(items.get(1).get("id").asString()).isEqualTo(orderId);
            assertThat(items.get(1).get("paymentState").asString()).as(adminOrders.body())
                    .isEqualTo("PARTIALLY_REFUNDED");
        });
        assertThat(Gateway.get("/api/v1/admin/orders", token).statusCode()).isEqualTo(403);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Kathmandu"));
        HttpResponse<String> csv = Gateway.send(Gateway.request("/api/v1/admin/reports/sales?from=" + today.minusDays(1)
                + "&to=" + today.plusDays(2), Accounts.adminToken()).header("Accept", "text/csv").GET().build());
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.body()).startsWith("period_start,period_end,currency,orders,");
    }

    /**
     * A cash-on-delivery order of one unit: confirmed without paying, shipped, assigned, delivered with the cash;
     * a wrong amount is refused and the right one captures the payment. The order's id.
     */
    private static String cashOnDeliveryCollected(Sellers.Store store, Sellers.Listed product, String token,
                                                  String courier, String courierId) {
        Shopping.addWhenPurchasable(token, product, 1);
        HttpResponse<String> placed = Gateway.postJson("/api/v1/checkout", token,
                "{\"address\": %s, \"paymentMethod\": \"COD\"}".formatted(Shopping.ADDRESS),
                UUID.randomUUID().toString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = Gateway.json(placed).get("orderId").asString();
        JsonNode order = Shopping.awaitStatus(token, orderId, "CONFIRMED");
        long total = Shopping.minor(order.get("total"));
        String partId = Shopping.sellerOrderOf(order, store.storeId()).get("id").asString();

        Deliveries.sellerMove(store, partId, "ship", "{}");
        String deliveryId = Deliveries.deliveryId(token, orderId, store.storeId());
        JsonNode assigned = Deliveries.assign(deliveryId, courierId);
        assertThat(Shopping.minor(assigned.get("cashDue"))).as(assigned.toString()).isEqualTo(total);
        Deliveries.step(courier, deliveryId, "PICKED_UP", null);
        Deliveries.step(courier, deliveryId, "OUT_FOR_DELIVERY", null);
        HttpResponse<String> wrongCash = Deliveries.report(courier, deliveryId, "DELIVERED", cash(total - 1));
        assertThat(wrongCash.statusCode()).as(wrongCash.body()).isEqualTo(422);
        Deliveries.step(courier, deliveryId, "DELIVERED", cash(total));

        await("the cash captured in the customer's payments").atMost(Shopping.SAGA).untilAsserted(() -> {
            HttpResponse<String> payments = Gateway.get("/api/v1/orders/" + orderId + "/payments", token);
            assertThat(payments.statusCode()).as(payments.body()).isEqualTo(200);
            JsonNode payment = Gateway.json(payments).get("items").get(0);
            assertThat(payment.get("provider").asString()).as(payments.body()).isEqualTo("CASH_ON_DELIVERY");
            assertThat(payment.get("status").asString()).as(payments.body()).isEqualTo("CAPTURED");
            assertThat(Shopping.minor(payment.get("captured"))).isEqualTo(total);
        });
        Deliveries.awaitPart(token, orderId, store.storeId(), "DELIVERED");
        return orderId;
    }

    private static String cash(long amountMinor) {
        return "\"codCollected\": {\"amountMinor\": %d, \"currency\": \"%s\"}".formatted(amountMinor,
                Sellers.CURRENCY);
    }

    private static JsonNode returnMove(Sellers.Store store, String returnId, String move) {
        HttpResponse<String> moved = Gateway.postJson("/api/v1/returns/" + returnId + "/" + move, store.token(), "");
        assertThat(moved.statusCode()).as(move + ": " + moved.body()).isEqualTo(200);
        return Gateway.json(moved);
    }

    private static String mine(String agentToken) {
        HttpResponse<String> mine = Gateway.get("/api/v1/deliveries/mine", agentToken);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        return mine.body();
    }

    private static void assertPending(Sellers.Store store, long pending) {
        HttpResponse<String> wallet = Gateway.get("/api/v1/wallet?currency=" + Sellers.CURRENCY, store.token());
        assertThat(wallet.statusCode()).as(wallet.body()).isEqualTo(200);
        assertThat(Shopping.minor(Gateway.json(wallet).get("pending"))).as(wallet.body()).isEqualTo(pending);
    }
}
