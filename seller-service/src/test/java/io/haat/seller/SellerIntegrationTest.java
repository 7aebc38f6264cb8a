package io.haat.seller;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.seller.orders.OrderEventsListener;
import io.haat.test.HaatInfrastructure;
import io.haat.test.HaatIntegrationTest;
import io.haat.test.TestJwts;
import io.haat.test.http.HttpApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of seller-service's integration tests (the same configuration as
 * {@link SellerApplicationTest}, so the context is shared): real PostgreSQL and Kafka, real JWTs.
 * Helpers drive the HTTP API as a client would and read what the service stored and published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@HaatIntegrationTest
public abstract class SellerIntegrationTest extends HttpApiTest {

    protected static final TestJwts JWTS = HaatInfrastructure.get().jwt();

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected EventEnvelopes envelopes;
    @Autowired
    protected OrderEventsListener orderEvents;


    /** An approved seller with their seller id. */
    protected record SellerAccount(String userId, String token, String sellerId) {
    }


    protected User admin() {
        return user("ADMIN");
    }

    protected static Map<String, Object> application(String businessName) {
        return Map.of("businessName", businessName, "taxId", "PAN-" + UUID.randomUUID().toString().substring(0, 8),
                "businessAddress", Map.of("line1", "Thamel Marg 12", "city", "Kathmandu", "country", "NP"),
                "payoutReference", "khalti:9800000000");
    }

    /** A SELLER user that applied; not yet approved. */
    protected SellerAccount appliedSeller() {
        User user = user("SELLER");
        Response applied = post("/sellers/apply", user.token(), application("Shop " + user.id().substring(0, 6)));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(201);
        return new SellerAccount(user.id(), user.token(), applied.body().path("id").asString());
    }

    protected SellerAccount approvedSeller() {
        SellerAccount seller = appliedSeller();
        Response approved = post("/admin/sellers/" + seller.sellerId() + "/approve", admin().token(), null);
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        return seller;
    }

    protected String createStore(SellerAccount seller, String name) {
        Response created = post("/stores", seller.token(), Map.of("name", name));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    protected JsonNode setStock(SellerAccount seller, String storeId, String sku, int quantity, int threshold) {
        Response set = put("/stores/" + storeId + "/inventory/" + sku, seller.token(),
                Map.of("quantity", quantity, "lowStockThreshold", threshold));
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        return set.body();
    }

    /** Runs an order event through the consumer as Kafka would deliver it; false if it was a duplicate. */
    protected boolean deliver(EventEnvelope<? extends DomainEvent> envelope) {
        return orderEvents.handle(envelopes.parse(envelopes.toJson(envelope)));
    }

    protected boolean deliver(DomainEvent event) {
        return deliver(EventEnvelope.of(event, 1));
    }

    /** Payloads of the events of a type the service wrote to its outbox for an aggregate, oldest first. */
    protected List<JsonNode> published(String topic, String type, String aggregateId) {
        return jdbc.sql("SELECT payload::text FROM outbox WHERE topic = ? AND event_type = ? AND aggregate_id = ? ORDER BY seq")
                .params(topic, type, aggregateId).query(String.class).list().stream()
                .map(text -> json.readTree(text).path("payload")).toList();
    }

    protected int reserved(String storeId, String sku) {
        return jdbc.sql("SELECT reserved FROM inventory_item WHERE store_id = ?::uuid AND sku = ?")
                .params(storeId, sku).query(Integer.class).single();
    }

    protected int quantity(String storeId, String sku) {
        return jdbc.sql("SELECT quantity FROM inventory_item WHERE store_id = ?::uuid AND sku = ?")
                .params(storeId, sku).query(Integer.class).single();
    }
}
