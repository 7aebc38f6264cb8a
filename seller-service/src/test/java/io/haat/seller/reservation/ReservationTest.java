package io.haat.seller.reservation;

import io.haat.events.orders.SellerOrderStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.orders.CancellationReason;
import io.haat.events.orders.OrderCancelled;
import io.haat.events.orders.OrderConfirmed;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.seller.SellerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ReservationTest extends SellerIntegrationTest {

    private static final Money PRICE = new Money(50_000, "NPR");

    @Autowired
    ReservationExpiryJob expiry;

    @Test
    void fiftyConcurrentOrdersForTenUnitsReserveExactlyTen() throws Exception {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Hot Item");
        setStock(seller, storeId, "HOT-1", 10, 0);

        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            orders.add(UUID.randomUUID().toString());
        }
        concurrently(orders.stream().<Callable<Boolean>>map(orderId -> () -> deliver(placed(orderId, line(storeId, "HOT-1", 1))))
                .toList());

        assertThat(reserved(storeId, "HOT-1")).isEqualTo(10);
        assertThat(quantity(storeId, "HOT-1")).isEqualTo(10);
        Map<String, Long> statuses = statusCounts(orders);
        assertThat(statuses).containsEntry("RESERVED", 10L).containsEntry("REJECTED", 40L);
        // every intermediate state in the history stayed within the stock
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM inventory_movement WHERE store_id = ?::uuid AND sku = 'HOT-1'
                        AND (reserved_after > quantity_after OR reserved_after < 0)""")
                .param(storeId).query(Long.class).single()).isZero();
        long reservedEvents = orders.stream().filter(o -> !published(Topics.SELLER_INVENTORY, "StockReserved", o).isEmpty()).count();
        long rejectedEvents = orders.stream().filter(o -> !published(Topics.SELLER_INVENTORY, "StockRejected", o).isEmpty()).count();
        assertThat(reservedEvents).isEqualTo(10);
        assertThat(rejectedEvents).isEqualTo(40);
    }

    @Test
    void anOrderWithOneShortLineReservesNothing() {
        SellerAccount seller = approvedSeller();
        String storeA = createStore(seller, "Store A");
        String storeB = createStore(approvedSeller(), "Store B");
        setStock(seller, storeA, "PLENTY", 10, 0);
        setStock(seller, storeA, "SCARCE", 1, 0);
        String orderId = UUID.randomUUID().toString();

        deliver(placed(orderId, line(storeA, "PLENTY", 2), line(storeA, "SCARCE", 2), line(storeB, "NOWHERE", 1)));

        assertThat(reserved(storeA, "PLENTY")).isZero();
        assertThat(reserved(storeA, "SCARCE")).isZero();
        assertThat(statusCounts(List.of(orderId))).containsOnlyKeys("REJECTED");
        JsonNode rejected = published(Topics.SELLER_INVENTORY, "StockRejected", orderId).getFirst();
        assertThat(rejected.path("unmet").findValuesAsString("sku")).containsExactlyInAnyOrder("SCARCE", "NOWHERE");
        assertThat(published(Topics.SELLER_INVENTORY, "StockLevelChanged", storeA + ":PLENTY"))
                .extracting(e -> e.path("reserved").asInt()).doesNotContain(2);
        assertThat(jdbc.sql("SELECT count(*) FROM store_order WHERE order_id = ?").param(orderId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void linesOfTheSameSkuAreAddedUpAndMultiStoreOrdersReserveEveryStore() {
        SellerAccount one = approvedSeller();
        SellerAccount two = approvedSeller();
        String storeOne = createStore(one, "One");
        String storeTwo = createStore(two, "Two");
        setStock(one, storeOne, "A", 5, 0);
        setStock(two, storeTwo, "B", 5, 0);
        String orderId = UUID.randomUUID().toString();

        deliver(placed(orderId, line(storeOne, "A", 2), line(storeTwo, "B", 1), line(storeOne, "A", 3)));

        assertThat(reserved(storeOne, "A")).isEqualTo(5);
        assertThat(reserved(storeTwo, "B")).isEqualTo(1);
        JsonNode event = published(Topics.SELLER_INVENTORY, "StockReserved", orderId).getFirst();
        assertThat(event.path("lines")).hasSize(2);
        assertThat(Instant.parse(event.path("expiresAt").asString()))
                .isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));
    }

    @Test
    void aRedeliveredOrDuplicatedOrderReservesOnce() throws Exception {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Dupes");
        setStock(seller, storeId, "D-1", 10, 0);
        String orderId = UUID.randomUUID().toString();
        EventEnvelope<OrderPlaced> envelope = EventEnvelope.of(placed(orderId, line(storeId, "D-1", 3)), 1);

        assertThat(deliver(envelope)).isTrue();
        assertThat(deliver(envelope)).isFalse();                       // same event id: skipped
        deliver(EventEnvelope.of(envelope.payload(), 1));              // new event id, same order
        // the same order placed by ten deliveries at once
        concurrently(java.util.stream.IntStream.range(0, 10)
                .<Callable<Boolean>>mapToObj(i -> () -> deliver(EventEnvelope.of(envelope.payload(), 1))).toList());

        assertThat(reserved(storeId, "D-1")).isEqualTo(3);
        assertThat(published(Topics.SELLER_INVENTORY, "StockReserved", orderId)).hasSize(1);
    }

    @Test
    void confirmationCommitsExactlyTheReservedUnits() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Commit");
        setStock(seller, storeId, "C-1", 10, 0);
        String orderId = UUID.randomUUID().toString();
        deliver(placed(orderId, line(storeId, "C-1", 3)));

        deliver(new OrderConfirmed(orderId, "customer-1", PRICE.times(3)));
        deliver(new OrderConfirmed(orderId, "customer-1", PRICE.times(3)));   // a second confirmation changes nothing

        assertThat(quantity(storeId, "C-1")).isEqualTo(7);
        assertThat(reserved(storeId, "C-1")).isZero();
        assertThat(statusCounts(List.of(orderId))).containsOnlyKeys("COMMITTED");
        Response history = get("/stores/" + storeId + "/inventory/C-1/history", seller.token());
        assertThat(history.body().path("items").findValuesAsString("kind")).containsExactly("COMMIT", "RESERVE", "SET");
        assertThat(history.body().path("items").get(0).path("orderId").asString()).isEqualTo(orderId);
    }

    @Test
    void cancellationReleasesReservedUnitsAndRestocksSoldOnes() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Release");
        setStock(seller, storeId, "R-1", 10, 0);
        String unpaid = UUID.randomUUID().toString();
        String paid = UUID.randomUUID().toString();
        deliver(placed(unpaid, line(storeId, "R-1", 2)));
        deliver(placed(paid, line(storeId, "R-1", 4)));
        deliver(new OrderConfirmed(paid, "customer-1", PRICE.times(4)));
        assertThat(quantity(storeId, "R-1")).isEqualTo(6);
        assertThat(reserved(storeId, "R-1")).isEqualTo(2);

        deliver(new OrderCancelled(unpaid, "customer-1", "payment failed", CancellationReason.PAYMENT_DEADLINE_PASSED, false));
        deliver(new OrderCancelled(paid, "customer-1", "cancelled before shipment", CancellationReason.CUSTOMER_CANCELLED, true));
        deliver(new OrderCancelled(paid, "customer-1", "cancelled before shipment", CancellationReason.CUSTOMER_CANCELLED, true));

        assertThat(quantity(storeId, "R-1")).isEqualTo(10);
        assertThat(reserved(storeId, "R-1")).isZero();
        // a cancellation seen before its order reserves nothing later
        String early = UUID.randomUUID().toString();
        deliver(new OrderCancelled(early, "customer-1", "cancelled", CancellationReason.CUSTOMER_CANCELLED, false));
        deliver(placed(early, line(storeId, "R-1", 1)));
        assertThat(reserved(storeId, "R-1")).isZero();
    }

    @Test
    void aCancelledSellerOrderRestocksOnlyItsStore() {
        SellerAccount one = approvedSeller();
        SellerAccount two = approvedSeller();
        String storeOne = createStore(one, "Keeps");
        String storeTwo = createStore(two, "Cancels");
        setStock(one, storeOne, "K", 5, 0);
        setStock(two, storeTwo, "C", 5, 0);
        String orderId = UUID.randomUUID().toString();
        deliver(placed(orderId, line(storeOne, "K", 1), line(storeTwo, "C", 2)));
        deliver(new OrderConfirmed(orderId, "customer-1", PRICE.times(3)));

        deliver(EventEnvelope.of(new SellerOrderStatusChanged("so-2", orderId, storeTwo, SellerOrderStatus.CANCELLED, PRICE.times(2),
                Instant.now()), 3));

        assertThat(quantity(storeOne, "K")).isEqualTo(4);
        assertThat(quantity(storeTwo, "C")).isEqualTo(5);
    }

    @Test
    void anUnconfirmedReservationExpiresAndIsReleased() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Expiry");
        setStock(seller, storeId, "E-1", 5, 0);
        String orderId = UUID.randomUUID().toString();
        String freshOrder = UUID.randomUUID().toString();
        deliver(placed(orderId, line(storeId, "E-1", 2)));
        deliver(placed(freshOrder, line(storeId, "E-1", 1)));
        jdbc.sql("UPDATE stock_reservation SET expires_at = now() - interval '1 second' WHERE order_id = ?")
                .param(orderId).update();

        expiry.expireDue();

        assertThat(reserved(storeId, "E-1")).isEqualTo(1);               // the fresh order still holds its unit
        assertThat(statusCounts(List.of(orderId))).containsOnlyKeys("EXPIRED");
        assertThat(published(Topics.SELLER_INVENTORY, "StockReservationExpired", orderId)).hasSize(1);
        // a confirmation that arrives too late commits nothing
        deliver(new OrderConfirmed(orderId, "customer-1", PRICE.times(2)));
        assertThat(quantity(storeId, "E-1")).isEqualTo(5);
        assertThat(reserved(storeId, "E-1")).isEqualTo(1);
        assertThat(expiry.expireDue()).isZero();
        assertThat(published(Topics.SELLER_INVENTORY, "StockReservationExpired", orderId)).hasSize(1);
    }

    @Test
    void aSuspendedStoreSellsNothing() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Soon Suspended");
        setStock(seller, storeId, "S-1", 5, 0);
        post("/admin/sellers/" + seller.sellerId() + "/ban", admin().token(), Map.of("reason", "counterfeits"));
        String orderId = UUID.randomUUID().toString();

        deliver(placed(orderId, line(storeId, "S-1", 1)));

        assertThat(reserved(storeId, "S-1")).isZero();
        assertThat(statusCounts(List.of(orderId))).containsOnlyKeys("REJECTED");
    }

    @Test
    void ordersLockingTheSameRowsInOppositeOrderNeverDeadlock() throws Exception {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Crossing");
        setStock(seller, storeId, "X", 1000, 0);
        setStock(seller, storeId, "Y", 1000, 0);
        List<Callable<Boolean>> work = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            OrderLine x = line(storeId, "X", 1);
            OrderLine y = line(storeId, "Y", 1);
            String orderId = UUID.randomUUID().toString();
            work.add(i % 2 == 0 ? () -> deliver(placed(orderId, x, y)) : () -> deliver(placed(orderId, y, x)));
        }

        concurrently(work); // a deadlock would surface here as an exception

        assertThat(reserved(storeId, "X")).isEqualTo(40);
        assertThat(reserved(storeId, "Y")).isEqualTo(40);
    }

    static OrderLine line(String storeId, String sku, int quantity) {
        return new OrderLine("so-" + storeId.substring(0, 8), storeId, "product-" + sku, sku, quantity, PRICE);
    }

    /** The order as order-service places it: one undiscounted seller order per store, adding up to the total. */
    static OrderPlaced placed(String orderId, OrderLine... lines) {
        Map<String, List<OrderLine>> byStore = new java.util.LinkedHashMap<>();
        for (OrderLine line : lines) {
            byStore.computeIfAbsent(line.storeId(), store -> new ArrayList<>()).add(line);
        }
        List<SellerOrderTotals> sellerOrders = byStore.values().stream().map(ofStore -> SellerOrderTotals.undiscounted(
                ofStore.getFirst().sellerOrderId(), ofStore.getFirst().storeId(), "seller-of-" + ofStore.getFirst().storeId(),
                PRICE.times(ofStore.stream().mapToInt(OrderLine::quantity).sum()))).toList();
        Money total = PRICE.times(java.util.Arrays.stream(lines).mapToInt(OrderLine::quantity).sum());
        return new OrderPlaced(orderId, "customer-1", total, List.of(lines), sellerOrders);
    }

    private Map<String, Long> statusCounts(List<String> orderIds) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT status, count(*) AS n FROM stock_reservation WHERE order_id = ANY(?) GROUP BY status")
                .param(orderIds.toArray(String[]::new))
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    static void concurrently(List<Callable<Boolean>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (Callable<Boolean> task : work) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Boolean> future : futures) {
                future.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
