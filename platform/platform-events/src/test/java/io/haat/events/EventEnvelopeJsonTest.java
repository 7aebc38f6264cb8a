package io.haat.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.SellerOrderTotals;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wire format of an event, as producers write it and consumers read it with Jackson 3. */
class EventEnvelopeJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private final OrderPlaced placed = new OrderPlaced("order-1", "customer-7", new Money(259_800, "NPR"),
            List.of(new OrderLine("seller-order-1", "store-3", "product-9", "SKU-9-RED", 2, new Money(129_900, "NPR"))),
            List.of(SellerOrderTotals.undiscounted("seller-order-1", "store-3", "seller-5", new Money(259_800, "NPR"))));

    @Test
    void envelopeRoundTripsWithItsTypedPayload() {
        EventEnvelope<OrderPlaced> envelope = EventEnvelope.of(placed, 3);

        String written = json.writeValueAsString(envelope);
        EventEnvelope<OrderPlaced> read = json.readValue(written, new TypeReference<EventEnvelope<OrderPlaced>>() {
        });

        assertThat(read).isEqualTo(envelope);
    }

    @Test
    void wireFormatIsTheDocumentedCamelCaseEnvelope() {
        EventEnvelope<OrderPlaced> envelope = EventEnvelope.of(placed, 3, Instant.parse("2026-03-01T10:15:30.123Z"));

        JsonNode tree = json.readTree(json.writeValueAsString(envelope));

        assertThat(tree.get("eventId").asString()).isEqualTo(envelope.eventId().toString());
        assertThat(tree.get("type").asString()).isEqualTo("OrderPlaced");
        assertThat(tree.get("occurredAt").asString()).isEqualTo("2026-03-01T10:15:30.123Z");
        assertThat(tree.get("aggregateId").asString()).isEqualTo("order-1");
        assertThat(tree.get("aggregateVersion").asLong()).isEqualTo(3);
        assertThat(tree.at("/payload/total/amountMinor").asLong()).isEqualTo(259_800);
        assertThat(tree.at("/payload/total/currency").asString()).isEqualTo("NPR");
        assertThat(tree.at("/payload/lines/0/unitPrice/amountMinor").asLong()).isEqualTo(129_900);
    }

    @Test
    void consumerCanReadThePayloadLaterFromAJsonTree() {
        String written = json.writeValueAsString(EventEnvelope.of(placed, 1));

        EventEnvelope<JsonNode> generic = json.readValue(written, new TypeReference<EventEnvelope<JsonNode>>() {
        });

        assertThat(generic.type()).isEqualTo("OrderPlaced");
        assertThat(json.treeToValue(generic.payload(), OrderPlaced.class)).isEqualTo(placed);
    }
}
