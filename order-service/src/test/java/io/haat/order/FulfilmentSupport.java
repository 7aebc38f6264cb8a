package io.haat.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.payment.CashOnDeliveryAccepted;
import io.haat.events.payment.PaymentCaptured;
import io.haat.events.payment.PaymentProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Helpers of the fulfilment and delivery tests: confirmed orders shipped to a province of their own (so delivery
 * agents registered by one test serve nobody else's parcels), the seller orders of a store, the outbox of an order.
 */
public abstract class FulfilmentSupport extends OrderSagaSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A fresh province of Nepal: no agent serves it until a test registers one. */
    protected static String province() {
        return "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Puts one unit of each product in the cart and checks out to {@code province}; confirmed by payment. */
    protected String confirmedOrder(User customer, String province, Product... products) {
        String orderId = placeOrderTo(customer, "SANDBOX", province, products);
        long total = ok(get("/orders/" + orderId, customer.token())).body().path("total").path("amountMinor")
                .asLong();
        deliverSaga(envelope(reserved(orderId)));
        deliverSaga(envelope(new PaymentCaptured("pay-" + orderId, orderId, PaymentProvider.SANDBOX, 1, npr(total),
                clock.instant())));
        assertThat(status(customer, orderId)).isEqualTo("CONFIRMED");
        return orderId;
    }

    /** A cash-on-delivery order, confirmed when payment-service accepted the cash part. */
    protected String confirmedCashOrder(User customer, String province, Product... products) {
        String orderId = placeOrderTo(customer, "COD", province, products);
        long total = ok(get("/orders/" + orderId, customer.token())).body().path("total").path("amountMinor")
                .asLong();
        deliverSaga(envelope(reserved(orderId)));
        deliverSaga(envelope(new CashOnDeliveryAccepted("cod-" + orderId, orderId, 1, npr(total),
                clock.instant())));
        assertThat(status(customer, orderId)).isEqualTo("CONFIRMED");
        return orderId;
    }

    protected String placeOrderTo(User customer, String paymentMethod, String province, Product... products) {
        for (Product product : products) {
            ok(addToCart(customer.token(), null, product, "SKU-" + product.name(), 1));
        }
        Map<String, Object> body = checkoutBody(paymentMethod);
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) body.get("address");
        address.put("province", province);
        Response placed = checkout(customer, body);
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        return placed.body().path("orderId").asString();
    }

    /** The id of the store's seller order in the order. */
    protected String sellerOrderOf(User customer, String orderId, String storeId) {
        for (JsonNode part : order(customer, orderId).path("sellerOrders")) {
            if (part.path("storeId").asString().equals(storeId)) {
                return part.path("id").asString();
            }
        }
        throw new AssertionError("order " + orderId + " has no part of store " + storeId);
    }

    protected JsonNode sellerOrderView(User customer, String orderId, String sellerOrderId) {
        for (JsonNode part : order(customer, orderId).path("sellerOrders")) {
            if (part.path("id").asString().equals(sellerOrderId)) {
                return part;
            }
        }
        throw new AssertionError("no seller order " + sellerOrderId);
    }

    protected Response sellerPost(User seller, String sellerOrderId, String action, Object body) {
        return call("POST", "/seller-orders/" + sellerOrderId + "/" + action, seller.token(), body);
    }

    /** The payloads of the order's outbox events of one type, in publication order. */
    protected List<JsonNode> outboxPayloads(String orderId, String type) {
        List<JsonNode> payloads = new ArrayList<>();
        for (String envelope : jdbc.sql("""
                        SELECT payload::text FROM outbox WHERE aggregate_id = ? AND event_type = ? ORDER BY seq""")
                .params(orderId, type).query(String.class).list()) {
            payloads.add(json.readTree(envelope).path("payload"));
        }
        return payloads;
    }

    /** The audit records written for one resource, in publication order (their actions). */
    protected List<String> audited(String resourceType, String resourceId) {
        List<String> actions = new ArrayList<>();
        for (String envelope : jdbc.sql("""
                        SELECT payload::text FROM outbox WHERE aggregate_id = ? AND event_type = 'AuditRecorded'
                        ORDER BY seq""").param(resourceType + ":" + resourceId).query(String.class).list()) {
            actions.add(json.readTree(envelope).path("payload").path("action").asString());
        }
        return actions;
    }

    /** A GET answered with bytes (e.g. a PDF). */
    protected HttpResponse<byte[]> getBytes(String path, String token, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
