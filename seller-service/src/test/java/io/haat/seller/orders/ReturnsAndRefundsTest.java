package io.haat.seller.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.inventory.StockLine;
import io.haat.events.orders.OrderConfirmed;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.ReturnStatus;
import io.haat.events.orders.ReturnStatusChanged;
import io.haat.events.orders.SellerOrderStatus;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.seller.SellerIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Order-service part 2 in seller-service: received returns restock once; returns and refunds lower the sales once. */
class ReturnsAndRefundsTest extends SellerIntegrationTest {

    private static final Money PRICE = new Money(40_000, "NPR");
    private static final Instant SOLD = Instant.parse("2025-05-05T06:00:00Z");

    private SellerAccount seller;
    private String storeId;

    @BeforeEach
    void aStoreWithStock() {
        seller = approvedSeller();
        storeId = createStore(seller, "Returns Desk");
        setStock(seller, storeId, "R-1", 10, 0);
        setStock(seller, storeId, "R-2", 10, 0);
    }

    @Test
    void aReceivedReturnPutsItsLinesBackOncePerReturn() {
        String orderId = sold("so-r1", line("so-r1", "R-1", 3), line("so-r1", "R-2", 2));
        assertThat(quantity(storeId, "R-1")).isEqualTo(7);
        String returnId = "ret-" + UUID.randomUUID();
        List<StockLine> lines = List.of(new StockLine(storeId, "R-1", 2), new StockLine(storeId, "R-2", 1),
                new StockLine(storeId, "R-1", 1));

        // requested and approved move no stock
        assertThat(deliver(returned(returnId, orderId, ReturnStatus.REQUESTED, lines))).isTrue();
        assertThat(deliver(returned(returnId, orderId, ReturnStatus.APPROVED, lines))).isTrue();
        assertThat(quantity(storeId, "R-1")).isEqualTo(7);

        EventEnvelope<ReturnStatusChanged> received = EventEnvelope.of(
                returned(returnId, orderId, ReturnStatus.RECEIVED, lines), 3);
        assertThat(deliver(received)).isTrue();
        assertThat(deliver(received)).as("the same event again").isFalse();
        assertThat(deliver(returned(returnId, orderId, ReturnStatus.RECEIVED, lines)))
                .as("another RECEIVED event of the same return is consumed but restocks nothing").isTrue();

        assertThat(quantity(storeId, "R-1")).isEqualTo(10);
        assertThat(quantity(storeId, "R-2")).isEqualTo(9);
        JsonNode history = get("/stores/" + storeId + "/inventory/R-1/history", seller.token()).body();
        JsonNode newest = history.path("items").get(0);
        assertThat(newest.path("kind").asString()).isEqualTo("RETURN");
        assertThat(newest.path("quantityDelta").asInt()).isEqualTo(3);
        assertThat(newest.path("reason").asString()).isEqualTo("return " + returnId);
        assertThat(newest.path("orderId").asString()).isEqualTo(orderId);
        assertThat(history.path("items").findValuesAsString("kind")).containsOnlyOnce("RETURN");
        assertThat(published(io.haat.events.Topics.SELLER_INVENTORY, "StockLevelChanged", storeId + ":R-1")
                .getLast().path("available").asInt()).isEqualTo(10);
    }

    @Test
    void aReturnOfAnotherReturnIdRestocksAgain() {
        String orderId = sold("so-r2", line("so-r2", "R-1", 4));
        deliver(returned("ret-a-" + UUID.randomUUID(), orderId, ReturnStatus.RECEIVED,
                List.of(new StockLine(storeId, "R-1", 1))));
        deliver(returned("ret-b-" + UUID.randomUUID(), orderId, ReturnStatus.RECEIVED,
                List.of(new StockLine(storeId, "R-1", 2))));
        assertThat(quantity(storeId, "R-1")).isEqualTo(9);
    }

    @Test
    void theNewStatusesAreTrackedAndMoneyGivenBackLowersTheSalesOnce() {
        String returnedOrder = sold("so-m1", line("so-m1", "R-1", 2));     // 80,000
        String disputedOrder = sold("so-m2", line("so-m2", "R-2", 1));     // 40,000
        Instant later = SOLD.plusSeconds(3_600);
        for (SellerOrderStatus status : List.of(SellerOrderStatus.PROCESSING, SellerOrderStatus.SHIPPED,
                SellerOrderStatus.OUT_FOR_DELIVERY, SellerOrderStatus.DELIVERED, SellerOrderStatus.RETURN_REQUESTED,
                SellerOrderStatus.RETURN_APPROVED)) {
            at(later, changed("so-m1", returnedOrder, status, PRICE.times(2)));
        }
        assertThat(status(returnedOrder)).isEqualTo("RETURN_APPROVED");
        // the return of one unit, then its refund: 40,000 off once
        at(later, changed("so-m1", returnedOrder, SellerOrderStatus.RETURNED, PRICE));
        at(later, changed("so-m1", returnedOrder, SellerOrderStatus.REFUNDED, PRICE));
        assertThat(status(returnedOrder)).isEqualTo("REFUNDED");
        // a dispute refunded without a return: 15,000 off
        at(later, changed("so-m2", disputedOrder, SellerOrderStatus.DELIVERED, PRICE));
        at(later, changed("so-m2", disputedOrder, SellerOrderStatus.REFUNDED, new Money(15_000, "NPR")));
        // a rejected return changes nothing
        at(later, changed("so-m2", disputedOrder, SellerOrderStatus.RETURN_REJECTED, PRICE));

        JsonNode totals = get("/stores/" + storeId + "/analytics/sales?from=2025-05-01&to=2025-05-31&granularity=month",
                seller.token()).body().path("totals");
        assertThat(totals.path("revenue").path("amountMinor").asLong()).isEqualTo(120_000);
        assertThat(totals.path("deliveries").asInt()).isEqualTo(2);
        assertThat(totals.path("returns").asInt()).isEqualTo(1);
        assertThat(totals.path("returnedAmount").path("amountMinor").asLong()).isEqualTo(55_000);
        assertThat(totals.path("netRevenue").path("amountMinor").asLong()).isEqualTo(65_000);

        // a refund beyond the return (a dispute after it) lowers the figures by the difference only
        at(later, changed("so-m1", returnedOrder, SellerOrderStatus.REFUNDED, new Money(10_000, "NPR")));
        assertThat(get("/stores/" + storeId + "/analytics/sales?from=2025-05-01&to=2025-05-31&granularity=month",
                seller.token()).body().path("totals").path("netRevenue").path("amountMinor").asLong())
                .isEqualTo(55_000);
    }

    private String status(String orderId) {
        return jdbc.sql("SELECT status FROM store_order WHERE order_id = ?").param(orderId).query(String.class)
                .single();
    }

    private String sold(String sellerOrderId, OrderLine... lines) {
        String orderId = UUID.randomUUID().toString();
        Money total = Money.zero("NPR");
        for (OrderLine line : lines) {
            total = total.plus(line.unitPrice().times(line.quantity()));
        }
        at(SOLD, new OrderPlaced(orderId, "c-" + orderId, total, List.of(lines),
                List.of(SellerOrderTotals.undiscounted(sellerOrderId, storeId, seller.sellerId(), total))));
        at(SOLD, new OrderConfirmed(orderId, "c-" + orderId, total));
        return orderId;
    }

    private OrderLine line(String sellerOrderId, String sku, int quantity) {
        return new OrderLine(sellerOrderId, storeId, "product-" + sku, sku, quantity, PRICE);
    }

    private ReturnStatusChanged returned(String returnId, String orderId, ReturnStatus status, List<StockLine> lines) {
        return new ReturnStatusChanged(returnId, orderId, "so-" + orderId, storeId, "c-" + orderId, status, lines,
                PRICE, null, Instant.now());
    }

    private SellerOrderStatusChanged changed(String sellerOrderId, String orderId, SellerOrderStatus status,
                                             Money amount) {
        return new SellerOrderStatusChanged(sellerOrderId, orderId, storeId, status, amount, SOLD.plusSeconds(3_600));
    }

    private void at(Instant when, DomainEvent event) {
        deliver(new EventEnvelope<>(UUID.randomUUID(), event.getClass().getSimpleName(), when, event.aggregateId(), 1,
                event));
    }
}
