package io.haat.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.catalog.ProductStatus;
import io.haat.events.inventory.StockLine;
import io.haat.events.inventory.StockReserved;
import io.haat.order.order.OrderSagaListener;
import io.haat.order.order.PaymentDeadlineJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Helpers of the checkout and saga tests: stores with products, a customer's cart, checkout, the other services'
 * events delivered to the saga's listener, and the outbox the service writes.
 */
public abstract class OrderSagaSupport extends OrderIntegrationTest {

    @Autowired
    protected OrderSagaListener sagaEvents;
    @Autowired
    protected PaymentDeadlineJob deadlines;

    /** A product of a known, selling store (owned by {@code owner}), one SKU in stock. */
    protected Product sellingProduct(String storeId, String name, String sku, long priceMinor, int available) {
        Product product = productIn(storeId, name);
        publish(product, 1, ProductStatus.ACTIVE, sku, npr(priceMinor));
        stock(product, sku, available, 1);
        return product;
    }

    /**
     * A store of a new approved seller that ships everywhere (real shipping methods, created by its owner):
     * "Standard" (flat 100 NPR, 3–5 days) and "Express" (flat 300 NPR, 1–2 days).
     */
    protected String sellingStore() {
        return sellingStore(user("SELLER"));
    }

    protected String sellingStore(User owner) {
        String storeId = storeOf(owner);
        shippingMethod(owner, storeId, "Standard", 100, 3, 5, true);
        shippingMethod(owner, storeId, "Express", 300, 1, 2, true);
        return storeId;
    }

    /** A store of a new approved seller whose only shipping method serves India, not the addresses used here. */
    protected String storeShippingNowhereHere() {
        User owner = user("SELLER");
        String storeId = storeOf(owner);
        shippingMethod(owner, storeId, "India only", 100, 3, 5, false);
        return storeId;
    }

    private void shippingMethod(User owner, String storeId, String name, long flatRate, int minDays, int maxDays,
                                boolean everywhere) {
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("name", name);
        method.put("type", "FLAT");
        method.put("currency", "NPR");
        method.put("flatRate", flatRate);
        method.put("minDays", minDays);
        method.put("maxDays", maxDays);
        if (everywhere) {
            method.put("everywhere", true);
        } else {
            method.put("regions", List.of(Map.of("country", "IN")));
        }
        Response created = post("/stores/" + storeId + "/shipping-methods", owner.token(), method);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    /** The id of the store's shipping method of this name. */
    protected String methodId(String storeId, String name) {
        for (JsonNode method : ok(get("/stores/" + storeId + "/shipping-methods", null)).body().path("items")) {
            if (method.path("name").asString().equals(name)) {
                return method.path("id").asString();
            }
        }
        throw new AssertionError("store " + storeId + " has no shipping method " + name);
    }

    /** A store coupon its owner makes: {@code body} as {@code PUT /stores/{id}/coupons/{code}} takes it. */
    protected void storeCoupon(User owner, String storeId, String code, Map<String, Object> body) {
        Response created = put("/stores/" + storeId + "/coupons/" + code, owner.token(), body);
        assertThat(created.status()).as(created.body().toString()).isIn(200, 201);
    }

    protected void applyCoupon(User customer, String code) {
        ok(post("/cart/coupon", customer.token(), Map.of("code", code)));
    }

    /** Whether the coupon uses this order consumed were given back (it must have consumed some). */
    protected boolean couponsGivenBack(String orderId) {
        List<String> states = jdbc.sql("SELECT state FROM coupon_redemption WHERE order_id = ?").param(orderId)
                .query(String.class).list();
        assertThat(states).as("coupon redemptions of order " + orderId).isNotEmpty();
        return states.stream().allMatch("RETURNED"::equals);
    }

    /** A product of this store, not published yet. */
    protected Product productIn(String storeId, String name) {
        return new Product(UUID.randomUUID().toString(), storeId, UUID.randomUUID().toString(), name);
    }

    /** As above with the SKU {@code "SKU-" + name}, which {@link #placeOrder} puts in the cart. */
    protected Product sellingProduct(String storeId, String name, long priceMinor, int available) {
        return sellingProduct(storeId, name, "SKU-" + name, priceMinor, available);
    }

    protected Map<String, Object> inlineAddress() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("fullName", "Sita Sharma");
        address.put("phone", "+977 9800000000");
        address.put("line1", "Thamel 12");
        address.put("city", "Kathmandu");
        address.put("province", "Bagmati");
        address.put("postalCode", "44600");
        address.put("country", "np");
        return address;
    }

    protected Map<String, Object> checkoutBody(String paymentMethod) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", inlineAddress());
        body.put("paymentMethod", paymentMethod);
        return body;
    }

    protected Response checkout(User customer, Object body, String key) {
        return call("POST", "/checkout", customer.token(), body, "Idempotency-Key", key);
    }

    protected Response checkout(User customer, Object body) {
        return checkout(customer, body, UUID.randomUUID().toString());
    }

    /** Puts the products (one unit each unless given) in the customer's cart and checks out; the order's id. */
    protected String placeOrder(User customer, String paymentMethod, Product... products) {
        for (Product product : products) {
            ok(addToCart(customer.token(), null, product, "SKU-" + product.name(), 1));
        }
        Response placed = checkout(customer, checkoutBody(paymentMethod));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        return placed.body().path("orderId").asString();
    }

    protected JsonNode order(User customer, String orderId) {
        return ok(get("/orders/" + orderId, customer.token())).body();
    }

    protected String status(User customer, String orderId) {
        return order(customer, orderId).path("status").asString();
    }

    /** Delivers an event of another service to the saga's listener, as Kafka would; false for a duplicate. */
    protected boolean deliverSaga(EventEnvelope<?> envelope) {
        return sagaEvents.handle(envelopes.toJson(envelope));
    }

    protected EventEnvelope<DomainEvent> envelope(DomainEvent event) {
        return EventEnvelope.of(event, 1, clock.instant());
    }

    /** seller-service's answer: every line reserved for 15 minutes. */
    protected StockReserved reserved(String orderId) {
        return new StockReserved(orderId, List.of(new StockLine("store", "sku", 1)),
                clock.instant().plus(Duration.ofMinutes(15)));
    }

    /** The event types the service wrote to its outbox for an order, in publication order. */
    protected List<String> outbox(String orderId) {
        return jdbc.sql("SELECT event_type FROM outbox WHERE aggregate_id = ? ORDER BY seq").param(orderId)
                .query(String.class).list();
    }

    /** The payload of the last outbox event of this type for the order. */
    protected JsonNode outboxPayload(String orderId, String type) {
        String envelope = jdbc.sql("""
                        SELECT payload::text FROM outbox WHERE aggregate_id = ? AND event_type = ?
                        ORDER BY seq DESC LIMIT 1""").params(orderId, type).query(String.class).single();
        return json.readTree(envelope).path("payload");
    }

    protected static Money money(JsonNode node) {
        return new Money(node.path("amountMinor").asLong(), node.path("currency").asString());
    }

    protected static List<String> events(JsonNode order) {
        List<String> events = new ArrayList<>();
        order.path("timeline").forEach(entry -> events.add(entry.path("event").asString()));
        return events;
    }
}
