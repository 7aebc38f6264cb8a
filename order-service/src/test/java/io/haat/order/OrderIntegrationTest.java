package io.haat.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.catalog.ProductChanged;
import io.haat.events.catalog.ProductStatus;
import io.haat.events.inventory.StockLevelChanged;
import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.events.seller.StoreChanged;
import io.haat.events.seller.StoreStatus;
import io.haat.order.catalog.CatalogEventsListener;
import io.haat.order.store.SellerEventsListener;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.test.HaatInfrastructure;
import io.haat.test.HaatIntegrationTest;
import io.haat.test.MutableClock;
import io.haat.test.TestJwts;
import io.haat.test.http.HttpApiTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of order-service's cart and wishlist tests: real PostgreSQL and Kafka, real JWTs, and a
 * clock tests can move. Helpers publish catalog and stock facts as the other services would and drive the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@HaatIntegrationTest
@Import(OrderIntegrationTest.Clocks.class)
public abstract class OrderIntegrationTest extends HttpApiTest {

    protected static final TestJwts JWTS = HaatInfrastructure.get().jwt();
    protected static final String CART_TOKEN = "X-Cart-Token";

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected EventEnvelopes envelopes;
    @Autowired
    protected CatalogEventsListener catalogEvents;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected SellerEventsListener sellerEvents;


    /** A product of one store with its variants (SKU → price in NPR minor units). */
    protected record Product(String id, String storeId, String sellerId, String name) {
    }


    protected User customer() {
        return user("CUSTOMER");
    }

    protected static Money npr(long minor) {
        return new Money(minor, "NPR");
    }

    protected Product product(String name) {
        return new Product(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                name);
    }

    /** Delivers catalog's snapshot of the product at {@code version}; variants as sku, price, sku, price… */
    protected boolean publish(Product product, long version, ProductStatus status, Object... skuPrices) {
        List<ProductChanged.Variant> variants = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < skuPrices.length; i += 2) {
            variants.add(new ProductChanged.Variant((String) skuPrices[i], (Money) skuPrices[i + 1], null, null));
        }
        return publishVariants(product, version, status, variants);
    }

    /** Delivers catalog's snapshot of the product at {@code version} with these variants (e.g. with weights). */
    protected boolean publishVariants(Product product, long version, ProductStatus status,
                                      List<ProductChanged.Variant> variants) {
        return deliver(EventEnvelope.of(new ProductChanged(product.id(), product.storeId(), product.sellerId(),
                product.name(), "cat-1", status, variants), version, clock.instant()));
    }

    /** Delivers seller-service's stock level of a SKU at inventory {@code version}. */
    protected boolean stock(Product product, String sku, int available, long version) {
        return deliver(EventEnvelope.of(new StockLevelChanged(product.storeId(), sku, available, 0, available), version,
                clock.instant()));
    }

    /** An active product with one SKU in stock. */
    protected Product onSale(String name, String sku, long priceMinor, int available) {
        Product product = product(name);
        publish(product, 1, ProductStatus.ACTIVE, sku, npr(priceMinor));
        stock(product, sku, available, 1);
        return product;
    }

    /** An active product of a given store (e.g. one {@link #storeOf} made) with one SKU in stock. */
    protected Product onSaleIn(String storeId, String name, String sku, long priceMinor, int available) {
        Product product = new Product(UUID.randomUUID().toString(), storeId, UUID.randomUUID().toString(), name);
        publish(product, 1, ProductStatus.ACTIVE, sku, npr(priceMinor));
        stock(product, sku, available, 1);
        return product;
    }

    /** A store of an approved seller owned by {@code owner}, as seller-service's events tell order-service. */
    protected String storeOf(User owner) {
        String storeId = UUID.randomUUID().toString();
        String sellerId = UUID.randomUUID().toString();
        deliverSellerEvent(EventEnvelope.of(new SellerStatusChanged(sellerId, owner.id(), "Shop of " + owner.id(),
                SellerStatus.APPROVED, null), 1, clock.instant()));
        deliverSellerEvent(EventEnvelope.of(new StoreChanged(storeId, sellerId, "Store " + storeId, "s-" + storeId,
                StoreStatus.ACTIVE), 1, clock.instant()));
        return storeId;
    }

    protected boolean deliverSellerEvent(EventEnvelope<?> envelope) {
        return sellerEvents.handle(envelopes.toJson(envelope));
    }

    protected boolean deliver(EventEnvelope<?> envelope) {
        return catalogEvents.handle(envelopes.toJson(envelope));
    }

    protected Response addToCart(String bearer, String cartToken, Product product, String sku, int quantity) {
        return call("POST", "/cart/items", bearer, Map.of("productId", product.id(), "sku", sku, "quantity", quantity),
                headers(cartToken));
    }

    protected Response cart(String bearer, String cartToken) {
        return call("GET", "/cart", bearer, null, headers(cartToken));
    }

    protected static String[] headers(String cartToken) {
        return cartToken == null ? new String[0] : new String[] {CART_TOKEN, cartToken};
    }

    protected static Response ok(Response response) {
        assertThat(response.status()).as(response.body().toString()).isBetween(200, 299);
        return response;
    }

    protected static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    protected static JsonNode line(JsonNode cart, String productId) {
        for (JsonNode store : cart.path("stores")) {
            for (JsonNode line : store.path("lines")) {
                if (line.path("productId").asString().equals(productId)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no line of " + productId + " in " + cart);
    }

    protected static void assertProblem(Response response, int status, String type, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        if (type != null) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.problemType()).endsWith("/" + type);
        }
        if (field != null) {
            assertThat(response.body().path("errors").findValuesAsString("field")).contains(field);
        }
    }
}
