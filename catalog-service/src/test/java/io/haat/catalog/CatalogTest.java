package io.haat.catalog;

import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.StoreStatus;
import io.haat.catalog.store.LocalCopies;
import io.haat.catalog.store.SellerCopy;
import io.haat.catalog.store.StoreCopy;
import io.haat.events.EventEnvelope;
import io.haat.events.DomainEvent;
import io.haat.test.HaatInfrastructure;
import io.haat.test.HaatIntegrationTest;
import io.haat.test.TestJwts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every catalog integration test: ONE Spring context (same annotations as {@link CatalogApplicationTest},
 * seller-service stubbed by {@link SellerServiceStub}) against the shared embedded MongoDB, Kafka and JWT issuer,
 * plus fixtures: sellers with stores, categories, products.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@HaatIntegrationTest
public abstract class CatalogTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    protected final TestJwts jwts = HaatInfrastructure.get().jwt();
    protected Api api;

    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected LocalCopies copies;
    @Autowired
    protected JsonMapper json;

    @LocalServerPort
    protected int port;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    /** A seller (user, seller record, store) as the local copies know them. */
    public record Seller(String userId, String sellerId, String storeId, String token) {
    }

    protected Seller approvedSellerWithStore() {
        return sellerWithStore(SellerStatus.APPROVED, StoreStatus.ACTIVE);
    }

    protected Seller sellerWithStore(SellerStatus sellerStatus, StoreStatus storeStatus) {
        String userId = UUID.randomUUID().toString();
        String sellerId = UUID.randomUUID().toString();
        String storeId = UUID.randomUUID().toString();
        copies.apply(new SellerCopy(sellerId, userId, "Shop " + userId.substring(0, 6), sellerStatus, 1, Instant.now()));
        copies.apply(new StoreCopy(storeId, sellerId, "Store " + storeId.substring(0, 6), "store-" + storeId, storeStatus,
                1, Instant.now()));
        return new Seller(userId, sellerId, storeId, jwts.token(userId, "SELLER"));
    }

    protected String admin() {
        return jwts.token(UUID.randomUUID().toString(), "ADMIN");
    }

    protected String customer(String userId) {
        return jwts.token(userId, "CUSTOMER");
    }

    protected String category(String name) {
        Api.Response created = api.post("/admin/categories", admin(),
                Map.of("name", name + " " + SEQUENCE.incrementAndGet()));
        if (created.status() != 201) {
            throw new IllegalStateException("category not created: " + created);
        }
        return created.json().get("id").asString();
    }

    protected String category(String name, String parentId) {
        Api.Response created = api.post("/admin/categories", admin(),
                Map.of("name", name + " " + SEQUENCE.incrementAndGet(), "parentId", parentId));
        if (created.status() != 201) {
            throw new IllegalStateException("category not created: " + created);
        }
        return created.json().get("id").asString();
    }

    protected static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static Map<String, Object> money(long amountMinor) {
        return Map.of("amountMinor", amountMinor, "currency", "NPR");
    }

    protected static Map<String, Object> variant(String sku, long price, Map<String, String> options) {
        return Map.of("sku", sku, "options", options, "price", money(price));
    }

    protected static Map<String, Object> productBody(String name, String categoryId, List<Map<String, Object>> variants) {
        return Map.of("name", name, "description", "A fine " + name, "categoryId", categoryId,
                "attributes", Map.of("material", "cotton"), "variants", variants);
    }

    /** Creates a product (submitted for review) and returns its JSON. */
    protected JsonNode createProduct(Seller seller, String categoryId, String name, long price) {
        Api.Response created = api.post("/stores/" + seller.storeId() + "/products", seller.token(),
                productBody(name, categoryId, List.of(variant(sku("SKU"), price, Map.of("size", "M")))));
        if (created.status() != 201) {
            throw new IllegalStateException("product not created: " + created);
        }
        return created.json();
    }

    /** Creates and approves a product: public from now on. */
    protected JsonNode activeProduct(Seller seller, String categoryId, String name, long price) {
        String id = createProduct(seller, categoryId, name, price).get("id").asString();
        Api.Response approved = api.post("/admin/products/" + id + "/approve", admin(), Map.of());
        if (approved.status() != 200) {
            throw new IllegalStateException("product not approved: " + approved);
        }
        return approved.json();
    }

    /** An event envelope as producers write it, for publishing from tests. */
    protected String envelope(DomainEvent event, long version) {
        return json.writeValueAsString(EventEnvelope.of(event, version));
    }
}
