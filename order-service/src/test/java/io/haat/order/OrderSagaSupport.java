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

    /** A store of a new approved seller that ships everywhere: "standard" (100, 3–5 days), "express" (300, 1–2). */
    protected String sellingStore() {
        return sellingStore(user("SELLER"));
    }

    protected String sellingStore(User owner) {
        String storeId = storeOf(owner);
        return storeId;
    }

    /** The id of the store's shipping method of this name ("Standard", "Express"). */
    protected String methodId(String storeId, String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** A store of a new approved seller that ships to no address these tests use. */
    protected String storeShippingNowhereHere() {
        String storeId = storeOf(user("SELLER"));
        TemporaryPricingDoubles.NOT_SHIPPING.add(storeId);
        return storeId;
    }

    /** Whether the coupon uses of this order were given back. */
    protected boolean couponsGivenBack(String orderId) {
        return TemporaryPricingDoubles.GIVEN_BACK.contains(orderId);
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
