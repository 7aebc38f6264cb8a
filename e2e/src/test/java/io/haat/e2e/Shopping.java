package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/** A customer shopping through the gateway: cart, coupon, checkout, paying with the sandbox provider, the order. */
final class Shopping {

    /** A delivery address given inline at checkout (Kathmandu; every shipping method in the suite serves it). */
    static final String ADDRESS = """
            {"fullName": "E2E Customer", "phone": "+9779800000000", "line1": "Thamel Marg 7", "city": "Kathmandu",
             "province": "Bagmati", "postalCode": "44600", "country": "NP"}""";

    /** The saga is asynchronous (Kafka both ways): how long an order may take to move on. */
    static final Duration SAGA = Duration.ofSeconds(60);

    private Shopping() {
    }

    static HttpResponse<String> addToCart(String token, Sellers.Listed product, int quantity) {
        return Gateway.postJson("/api/v1/cart/items", token, """
                {"productId": "%s", "sku": "%s", "quantity": %d}""".formatted(product.productId(), product.sku(), quantity));
    }

    /**
     * Adds to the cart once order-service can sell the product: it learns the product from catalog's events and the
     * stock from seller-service's, a moment after the seller listed and stocked it. Until then the cart refuses
     * (unknown product, not active, no stock) and nothing is added.
     */
    static JsonNode addWhenPurchasable(String token, Sellers.Listed product, int quantity) {
        AtomicReference<HttpResponse<String>> added = new AtomicReference<>();
        await("order-service sells " + product.sku()).atMost(SAGA).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            added.set(addToCart(token, product, quantity));
            assertThat(added.get().statusCode()).as(added.get().body()).isIn(200, 201);
        });
        return Gateway.json(added.get());
    }

    static HttpResponse<String> applyCoupon(String token, String code) {
        return Gateway.postJson("/api/v1/cart/coupon", token, "{\"code\": \"%s\"}".formatted(code));
    }

    /** {@code POST /checkout} of the caller's cart with the inline address, to be paid with the sandbox provider. */
    static HttpResponse<String> checkout(String token, String idempotencyKey) {
        return Gateway.postJson("/api/v1/checkout", token,
                "{\"address\": %s, \"paymentMethod\": \"SANDBOX\"}".formatted(ADDRESS), idempotencyKey);
    }

    /** Checks out and returns the new order's id. */
    static String checkout(String token) {
        HttpResponse<String> placed = checkout(token, UUID.randomUUID().toString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return Gateway.json(placed).get("orderId").asString();
    }

    static HttpResponse<String> order(String token, String orderId) {
        return Gateway.get("/api/v1/orders/" + orderId, token);
    }

    /** The order once it has {@code status} (PENDING → AWAITING_PAYMENT → CONFIRMED, or CANCELLED). */
    static JsonNode awaitStatus(String token, String orderId, String status) {
        AtomicReference<JsonNode> order = new AtomicReference<>();
        await("order " + orderId + " " + status).atMost(SAGA).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> answer = order(token, orderId);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            order.set(Gateway.json(answer));
            assertThat(order.get().get("status").asString()).as(answer.body()).isEqualTo(status);
        });
        return order.get();
    }

    /** {@code POST /payments} of what is due on the order, with the sandbox provider. */
    static HttpResponse<String> pay(String token, String orderId, String idempotencyKey) {
        return Gateway.postJson("/api/v1/payments", token,
                "{\"orderId\": \"%s\", \"provider\": \"SANDBOX\"}".formatted(orderId), idempotencyKey);
    }

    /**
     * Pays the whole order with the sandbox provider (captured at once for amounts not ending in 13 or 77).
     * payment-service takes payments once its own copy of the order (from order-service's events) is
     * AWAITING_PAYMENT; until then it answers {@code 409 order-not-payable}, and the payment is tried again with a new
     * key (a key's answer, the 409 too, is final).
     */
    static JsonNode pay(String token, String orderId) {
        AtomicReference<HttpResponse<String>> paid = new AtomicReference<>();
        await("payment-service takes payments for " + orderId).atMost(SAGA).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    paid.set(pay(token, orderId, UUID.randomUUID().toString()));
                    return paid.get().statusCode() != 409;
                });
        assertThat(paid.get().statusCode()).as(paid.get().body()).isEqualTo(201);
        return Gateway.json(paid.get());
    }

    /** The seller order of {@code storeId} in an order view. */
    static JsonNode sellerOrderOf(JsonNode order, String storeId) {
        for (JsonNode sellerOrder : order.get("sellerOrders")) {
            if (sellerOrder.get("storeId").asString().equals(storeId)) {
                return sellerOrder;
            }
        }
        throw new AssertionError("no seller order of store " + storeId + " in " + order);
    }

    /** {@code amountMinor} of a Money field. */
    static long minor(JsonNode money) {
        return money.get("amountMinor").asLong();
    }
}
