package io.haat.seller.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.catalog.ProductChanged;
import io.haat.events.catalog.ProductStatus;
import io.haat.platform.messaging.MalformedEventException;
import io.haat.seller.SellerIntegrationTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Stock of a SKU that no listed product of the store carries is flagged ({@code inCatalog: false}), not refused:
 * until a product of the store lists it, and again once that product is deleted or banned. The flag follows
 * {@code catalog.product} ({@code ProductChanged}) once per event and never goes back to an older snapshot.
 */
class CatalogCopyTest extends SellerIntegrationTest {

    @Autowired
    private CatalogEventsListener catalogEvents;
    @Autowired
    private KafkaTemplate<String, String> kafka;

    private static ProductChanged product(String productId, String storeId, ProductStatus status, String... skus) {
        List<ProductChanged.Variant> variants = Arrays.stream(skus)
                .map(sku -> new ProductChanged.Variant(sku, new Money(1500, "NPR"), null, null)).toList();
        return new ProductChanged(productId, storeId, UUID.randomUUID().toString(), "Tea", "cat-1", status, variants);
    }

    private boolean deliver(ProductChanged product, long version) {
        return catalogEvents.handle(envelopes.toJson(EventEnvelope.of(product, version)));
    }

    private boolean inCatalog(SellerAccount seller, String storeId, String sku) {
        Response item = get("/stores/" + storeId + "/inventory/" + sku, seller.token());
        assertThat(item.status()).as(item.body().toString()).isEqualTo(200);
        return item.body().path("inCatalog").asBoolean();
    }

    private Map<String, Boolean> listed(SellerAccount seller, String storeId) {
        Response page = get("/stores/" + storeId + "/inventory", seller.token());
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        return page.body().path("items").valueStream().collect(Collectors.toMap(
                (JsonNode item) -> item.path("sku").asString(), item -> item.path("inCatalog").asBoolean()));
    }

    private static String productId() {
        return "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 23);
    }

    @Test
    void stockCreatedBeforeItsProductsEventIsFlaggedUntilTheEventComesAndAgainOnceTheProductIsDeleted() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Copy " + UUID.randomUUID().toString().substring(0, 6));
        String productId = productId();

        assertThat(setStock(seller, storeId, "TEA-1", 5, 1).path("inCatalog").asBoolean()).as("unknown SKU").isFalse();

        assertThat(deliver(product(productId, storeId, ProductStatus.ACTIVE, "TEA-1", "TEA-2"), 1)).isTrue();
        assertThat(inCatalog(seller, storeId, "TEA-1")).as("the late event lists the earlier stock row").isTrue();
        assertThat(setStock(seller, storeId, "TEA-2", 3, 1).path("inCatalog").asBoolean()).as("listed first").isTrue();
        assertThat(setStock(seller, storeId, "TEA-9", 1, 0).path("inCatalog").asBoolean()).as("never listed").isFalse();
        assertThat(listed(seller, storeId)).containsExactlyInAnyOrderEntriesOf(
                Map.of("TEA-1", true, "TEA-2", true, "TEA-9", false));

        assertThat(deliver(product(productId, storeId, ProductStatus.ACTIVE, "TEA-1"), 2)).isTrue();
        assertThat(inCatalog(seller, storeId, "TEA-2")).as("a variant the product dropped").isFalse();
        assertThat(inCatalog(seller, storeId, "TEA-1")).isTrue();

        assertThat(deliver(product(productId, storeId, ProductStatus.DELETED, "TEA-1"), 3)).isTrue();
        assertThat(listed(seller, storeId)).containsExactlyInAnyOrderEntriesOf(
                Map.of("TEA-1", false, "TEA-2", false, "TEA-9", false));
    }

    @Test
    void theListenerKeepsTheCopyFromTheCatalogsTopic() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Topic " + UUID.randomUUID().toString().substring(0, 6));
        String productId = productId();
        setStock(seller, storeId, "OIL-1", 2, 0);

        kafka.send(Topics.CATALOG_PRODUCT, productId, envelopes.toJson(
                EventEnvelope.of(product(productId, storeId, ProductStatus.ACTIVE, "OIL-1"), 1)));

        await().atMost(Duration.ofSeconds(20)).until(() -> inCatalog(seller, storeId, "OIL-1"));
    }

    @Test
    void aBannedProductsSkusAreFlaggedUntilItIsListedAgain() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Ban " + UUID.randomUUID().toString().substring(0, 6));
        String productId = productId();
        deliver(product(productId, storeId, ProductStatus.ACTIVE, "RUG-1"), 1);
        setStock(seller, storeId, "RUG-1", 2, 0);
        assertThat(inCatalog(seller, storeId, "RUG-1")).isTrue();

        deliver(product(productId, storeId, ProductStatus.BANNED, "RUG-1"), 2);
        assertThat(inCatalog(seller, storeId, "RUG-1")).isFalse();

        deliver(product(productId, storeId, ProductStatus.ACTIVE, "RUG-1"), 3);
        assertThat(inCatalog(seller, storeId, "RUG-1")).isTrue();
    }

    @Test
    void aDuplicateOrAnOlderSnapshotChangesNothing() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Late " + UUID.randomUUID().toString().substring(0, 6));
        String productId = productId();
        setStock(seller, storeId, "JAM-1", 4, 0);
        String created = envelopes.toJson(EventEnvelope.of(product(productId, storeId, ProductStatus.ACTIVE, "JAM-1"), 1));
        assertThat(catalogEvents.handle(created)).isTrue();
        assertThat(deliver(product(productId, storeId, ProductStatus.DELETED, "JAM-1"), 2)).isTrue();

        assertThat(catalogEvents.handle(created)).as("redelivered").isFalse();
        deliver(product(productId, storeId, ProductStatus.ACTIVE, "JAM-1"), 1); // another event, older version
        assertThat(inCatalog(seller, storeId, "JAM-1")).as("a deleted product does not come back").isFalse();
    }

    @Test
    void onlyAListedProductOfTheSameStoreCounts() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Own " + UUID.randomUUID().toString().substring(0, 6));
        String otherStore = createStore(seller, "Other " + UUID.randomUUID().toString().substring(0, 6));
        setStock(seller, storeId, "MUG-1", 1, 0);

        deliver(product(productId(), otherStore, ProductStatus.ACTIVE, "MUG-1"), 1);
        assertThat(inCatalog(seller, storeId, "MUG-1")).as("another store's product").isFalse();

        String first = productId();
        String second = productId();
        deliver(product(first, storeId, ProductStatus.ACTIVE, "MUG-1"), 1);
        deliver(product(second, storeId, ProductStatus.DRAFT, "MUG-1"), 1);
        deliver(product(first, storeId, ProductStatus.DELETED, "MUG-1"), 2);
        assertThat(inCatalog(seller, storeId, "MUG-1")).as("still listed by the second product").isTrue();
    }

    @Test
    void aSnapshotWhoseStoreIsNoStoreIdIsMalformed() {
        String productId = productId();
        String value = envelopes.toJson(EventEnvelope.of(product(productId, "store-7", ProductStatus.ACTIVE, "X-1"), 1));
        assertThatThrownBy(() -> catalogEvents.handle(value)).isInstanceOf(MalformedEventException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM catalog_product WHERE product_id = ?").param(productId)
                .query(Integer.class).single()).isZero();
    }
}
