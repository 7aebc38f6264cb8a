package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.local.DemoAccount;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * A seller order on its way through the gateway: the store processes and ships it, the admin assigns a delivery
 * agent, the agent reports each step ({@code /deliveries/{id}/status}). The agent is the local demo courier.
 */
final class Deliveries {

    private Deliveries() {
    }

    /** The demo courier's access token (DELIVERY_AGENT). */
    static String courierToken() {
        return Gateway.keycloakToken("haat-web", DemoAccount.COURIER.email(), DemoAccount.COURIER.password());
    }

    /** The user id (the token's subject) of whoever holds {@code accessToken}: what the agent registry keys on. */
    static String subject(String accessToken) {
        String payload = accessToken.split("\\.")[1];
        return Gateway.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .get("sub").asString();
    }

    /** {@code POST /seller-orders/{id}/<move>} by the store's owner; the seller order after it. */
    static JsonNode sellerMove(Sellers.Store store, String sellerOrderId, String move, String body) {
        HttpResponse<String> moved = Gateway.postJson("/api/v1/seller-orders/" + sellerOrderId + "/" + move,
                store.token(), body);
        assertThat(moved.statusCode()).as(move + ": " + moved.body()).isEqualTo(200);
        return Gateway.json(moved);
    }

    /** The delivery of a shipped seller order, as the customer's order view shows it, once it exists. */
    static String deliveryId(String customerToken, String orderId, String storeId) {
        AtomicReference<String> id = new AtomicReference<>();
        await("a delivery for the parcel of " + storeId).atMost(Shopping.SAGA).untilAsserted(() -> {
            JsonNode part = Shopping.sellerOrderOf(Gateway.json(Shopping.order(customerToken, orderId)), storeId);
            assertThat(part.path("delivery").path("id").asString("")).as(part.toString()).isNotBlank();
            id.set(part.path("delivery").path("id").asString());
        });
        return id.get();
    }

    /** {@code POST /admin/deliveries/{id}/assign} to the agent with this user id; the delivery after it. */
    static JsonNode assign(String deliveryId, String agentId) {
        HttpResponse<String> assigned = Gateway.postJson("/api/v1/admin/deliveries/" + deliveryId + "/assign",
                Accounts.adminToken(), "{\"agentId\": \"%s\"}".formatted(agentId));
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        return Gateway.json(assigned);
    }

    /** The agent reports a step where it is; {@code extra} adds fields to the body (e.g. cash collected). */
    static HttpResponse<String> report(String agentToken, String deliveryId, String status, String extra) {
        return Gateway.postJson("/api/v1/deliveries/" + deliveryId + "/status", agentToken, """
                {"status": "%s", "location": {"lat": 27.7149, "lng": 85.3123}%s}"""
                .formatted(status, extra == null ? "" : ", " + extra));
    }

    /** As {@link #report} for a step that must be taken; the delivery after it. */
    static JsonNode step(String agentToken, String deliveryId, String status, String extra) {
        HttpResponse<String> reported = report(agentToken, deliveryId, status, extra);
        assertThat(reported.statusCode()).as(status + ": " + reported.body()).isEqualTo(200);
        JsonNode delivery = Gateway.json(reported);
        assertThat(delivery.get("status").asString()).isEqualTo(status);
        return delivery;
    }

    /** The seller order of {@code storeId} in the customer's order view once it has {@code status}. */
    static JsonNode awaitPart(String customerToken, String orderId, String storeId, String status) {
        AtomicReference<JsonNode> part = new AtomicReference<>();
        await("seller order of " + storeId + " " + status).atMost(Shopping.SAGA).untilAsserted(() -> {
            part.set(Shopping.sellerOrderOf(Gateway.json(Shopping.order(customerToken, orderId)), storeId));
            assertThat(part.get().get("status").asString()).as(part.get().toString()).isEqualTo(status);
        });
        return part.get();
    }
}
