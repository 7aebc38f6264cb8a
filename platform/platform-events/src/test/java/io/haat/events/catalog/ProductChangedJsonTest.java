package io.haat.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code catalog.product} on the wire: what catalog-service writes and order-service reads, including payloads
 * written before variants carried a weight.
 */
class ProductChangedJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aVariantCarriesItsWeightInGrams() {
        ProductChanged tea = new ProductChanged("p-1", "st-1", "s-1", "Tea", "c-1", ProductStatus.ACTIVE, List.of(
                new ProductChanged.Variant("TEA-250", new Money(45_000, "NPR"), null, 250),
                new ProductChanged.Variant("TEA-X", new Money(9_000, "NPR"), null, null)));

        JsonNode payload = json.readTree(json.writeValueAsString(EventEnvelope.of(tea, 1))).get("payload");

        assertThat(payload.at("/variants/0/weightGrams").asInt()).isEqualTo(250);
        assertThat(payload.at("/variants/1/weightGrams").isNull()).as("no weight given").isTrue();
        assertThat(json.readValue(payload.toString(), ProductChanged.class)).isEqualTo(tea);
    }

    @Test
    void aVariantOfBeforeWeightsStillReads() {
        ProductChanged old = json.readValue("""
                {"productId":"p-1","storeId":"st-1","sellerId":"s-1","name":"Tea","categoryId":"c-1",
                 "status":"ACTIVE","variants":[{"sku":"TEA-250","price":{"amountMinor":45000,"currency":"NPR"},
                 "compareAtPrice":null}]}""", ProductChanged.class);

        assertThat(old.variants()).singleElement().satisfies(variant -> {
            assertThat(variant.sku()).isEqualTo("TEA-250");
            assertThat(variant.price()).isEqualTo(new Money(45_000, "NPR"));
            assertThat(variant.weightGrams()).isNull();
        });
    }
}
