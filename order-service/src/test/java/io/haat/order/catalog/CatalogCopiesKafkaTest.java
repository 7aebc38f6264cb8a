package io.haat.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.catalog.ProductChanged;
import io.haat.events.catalog.ProductStatus;
import io.haat.events.inventory.StockLevelChanged;
import io.haat.order.OrderIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** Catalog and stock events arriving over real Kafka reach the cart. */
class CatalogCopiesKafkaTest extends OrderIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void priceChangesAndStockOutsOnKafkaShowInTheCart() throws Exception {
        User customer = customer();
        Product tea = product("Kafka tea");
        send(Topics.CATALOG_PRODUCT, EventEnvelope.of(new ProductChanged(tea.id(), tea.storeId(), tea.sellerId(),
                tea.name(), "cat", ProductStatus.ACTIVE, List.of(new ProductChanged.Variant("K-1", npr(20_000), null, null))),
                1, clock.instant()));
        send(Topics.SELLER_INVENTORY, EventEnvelope.of(new StockLevelChanged(tea.storeId(), "K-1", 5, 0, 5), 1,
                clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> addToCart(customer.token(), null, tea, "K-1", 2).status() == 200);

        send(Topics.CATALOG_PRODUCT, EventEnvelope.of(new ProductChanged(tea.id(), tea.storeId(), tea.sellerId(),
                tea.name(), "cat", ProductStatus.ACTIVE, List.of(new ProductChanged.Variant("K-1", npr(18_000), null, null))),
                2, clock.instant()));
        send(Topics.SELLER_INVENTORY, EventEnvelope.of(new StockLevelChanged(tea.storeId(), "K-1", 2, 2, 0), 2,
                clock.instant()));
        kafka.send(Topics.CATALOG_PRODUCT, "poison", "not an event").get(); // dead-lettered, does not block the rest

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode line = ok(cart(customer.token(), null)).body().path("stores").get(0).path("lines").get(0);
            assertThat(line.path("unitPrice").path("amountMinor").asLong()).isEqualTo(18_000);
            assertThat(line.path("priceWhenAdded").path("amountMinor").asLong()).isEqualTo(20_000);
            assertThat(line.path("flags").toString()).isEqualTo("[\"OUT_OF_STOCK\",\"PRICE_CHANGED\"]");
        });
    }

    private void send(String topic, EventEnvelope<?> envelope) throws Exception {
        kafka.send(topic, envelope.aggregateId(), envelopes.toJson(envelope)).get();
    }
}
