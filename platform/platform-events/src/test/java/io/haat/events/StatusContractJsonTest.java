package io.haat.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.catalog.ProductChanged;
import io.haat.events.catalog.ProductStatus;
import io.haat.events.orders.SellerOrderStatus;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.events.seller.StoreChanged;
import io.haat.events.seller.StoreStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Status values in events are enums, and on the wire they are exactly the strings they were before: the
 * constant's name. A JSON payload written by a producer of the string era reads into the enum.
 */
class StatusContractJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void statusesAreWrittenAsTheirNames() {
        assertThat(statusOf(new SellerStatusChanged("s-1", "u-1", "Shop", SellerStatus.BANNED, "fraud")))
                .isEqualTo("BANNED");
        assertThat(statusOf(new StoreChanged("st-1", "s-1", "Shop", "shop", StoreStatus.SUSPENDED)))
                .isEqualTo("SUSPENDED");
        assertThat(statusOf(new SellerOrderStatusChanged("so-1", "o-1", "st-1", SellerOrderStatus.OUT_FOR_DELIVERY,
                new Money(100, "NPR"), Instant.parse("2025-01-01T00:00:00Z")))).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(statusOf(new ProductChanged("p-1", "st-1", "s-1", "Tea", "c-1", ProductStatus.PENDING_REVIEW,
                List.of()))).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void theStringsOfEarlierProducersReadIntoTheEnums() {
        assertThat(json.readValue("""
                {"sellerId":"s-1","userId":"u-1","businessName":"Shop","status":"APPROVED","reason":null}""",
                SellerStatusChanged.class).status()).isEqualTo(SellerStatus.APPROVED);
        assertThat(json.readValue("""
                {"storeId":"st-1","sellerId":"s-1","name":"Shop","slug":"shop","status":"CLOSED"}""",
                StoreChanged.class).status()).isEqualTo(StoreStatus.CLOSED);
        assertThat(json.readValue("""
                {"sellerOrderId":"so-1","orderId":"o-1","storeId":"st-1","status":"RETURNED",
                 "amount":{"amountMinor":100,"currency":"NPR"},"at":"2025-01-01T00:00:00Z"}""",
                SellerOrderStatusChanged.class).status()).isEqualTo(SellerOrderStatus.RETURNED);
    }

    @Test
    void aStatusNoConstantNamesDoesNotRead() {
        // a consumer must know every status a producer may send (deploy consumers of a new status first)
        assertThatThrownBy(() -> json.readValue("""
                {"storeId":"st-1","sellerId":"s-1","name":"Shop","slug":"shop","status":"HAUNTED"}""",
                StoreChanged.class)).isInstanceOf(JacksonException.class);
    }

    private String statusOf(DomainEvent event) {
        JsonNode tree = json.readTree(json.writeValueAsString(EventEnvelope.of(event, 1)));
        return tree.at("/payload/status").asString();
    }
}
