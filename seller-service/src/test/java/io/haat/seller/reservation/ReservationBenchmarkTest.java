package io.haat.seller.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.seller.SellerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Reservations per second on real PostgreSQL, two ways. Prints its figures (see
 * target/surefire-reports/*ReservationBenchmarkTest-output.txt); asserts only that nothing is oversold, never
 * on time.
 * <ul>
 *   <li><b>Service-level ceiling</b>: the consumer's handler (idempotency record, reservation, stock row,
 *   history, outbox) called from 16 threads at once, bypassing Kafka, for one hot SKU that every order wants and
 *   for disjoint SKUs. No deployment reaches it: Kafka hands one partition to one consumer thread.</li>
 *   <li><b>Through Kafka</b>: the same orders published on {@code orders.order} (one partition on the embedded
 *   broker, so one consumer thread), timed from the first send to the last reservation stored. This is what one
 *   partition delivers; a deployment gets about that per partition, up to the ceiling.</li>
 * </ul>
 * "ms per order" is the inverse of the throughput (wall time / orders), not the latency of one order.
 */
@Tag("benchmark")
class ReservationBenchmarkTest extends SellerIntegrationTest {

    private static final int THREADS = 16;
    private static final int ORDERS = 400;
    private static final Money PRICE = new Money(1_000, "NPR");

    @Autowired
    DataSource dataSource;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void reservationsPerSecondForAHotSkuAndForDisjointSkus() throws Exception {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Benchmark");
        int hotUnits = ORDERS / 2;
        setStock(seller, storeId, "HOT", hotUnits, 0);
        // setup only: one statement instead of 400 API calls
        jdbc.sql("""
                        INSERT INTO inventory_item (store_id, sku, quantity, low_stock_threshold)
                        SELECT ?::uuid, 'COLD-' || i, 1, 0 FROM generate_series(0, ? - 1) AS i""")
                .params(storeId, ORDERS).update();
        jdbc.sql("""
                        INSERT INTO inventory_item (store_id, sku, quantity, low_stock_threshold)
                        SELECT ?::uuid, 'KAFKA-' || i, 1, 0 FROM generate_series(0, ? - 1) AS i""")
                .params(storeId, ORDERS).update();
        setStock(seller, storeId, "WARMUP", 1_000, 0);
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        int poolBefore = hikari.getMaximumPoolSize();
        hikari.getHikariConfigMXBean().setMaximumPoolSize(THREADS);
        try {
            run(storeId, 100, i -> "WARMUP");                       // JIT, connections, plans
            Result hot = run(storeId, ORDERS, i -> "HOT");
            Result disjoint = run(storeId, ORDERS, i -> "COLD-" + i);

            int hotReserved = reserved(storeId, "HOT");
            int hotQuantity = quantity(storeId, "HOT");
            int oversold = Math.max(0, hotReserved - hotQuantity) + Math.max(0, hot.accepted() - hotUnits);
            int disjointOversold = jdbc.sql("""
                            SELECT coalesce(sum(greatest(reserved - quantity, 0)), 0) FROM inventory_item
                            WHERE store_id = ?::uuid AND sku LIKE 'COLD-%'""")
                    .param(storeId).query(Integer.class).single();
            print("service-level ceiling, listener from " + THREADS + " threads, no Kafka, hot SKU (" + hotUnits
                    + " units)", hot, oversold);
            print("service-level ceiling, listener from " + THREADS + " threads, no Kafka, disjoint SKUs", disjoint,
                    disjointOversold);

            int partitions = kafka.partitionsFor(Topics.ORDERS_ORDER).size();
            Result viaKafka = throughKafka(storeId, ORDERS, i -> "KAFKA-" + i);
            int kafkaOversold = jdbc.sql("""
                            SELECT coalesce(sum(greatest(reserved - quantity, 0)), 0) FROM inventory_item
                            WHERE store_id = ?::uuid AND sku LIKE 'KAFKA-%'""")
                    .param(storeId).query(Integer.class).single();
            print("through Kafka, orders.order with " + partitions + " partition(s), disjoint SKUs", viaKafka,
                    kafkaOversold);

            assertThat(oversold).isZero();
            assertThat(disjointOversold).isZero();
            assertThat(hotReserved).isEqualTo(hotUnits);
            assertThat(hot.accepted()).isEqualTo(hotUnits);
            assertThat(disjoint.accepted()).isEqualTo(ORDERS);
            assertThat(kafkaOversold).isZero();
            assertThat(viaKafka.accepted()).isEqualTo(ORDERS);
        } finally {
            hikari.getHikariConfigMXBean().setMaximumPoolSize(poolBefore);
        }
    }

    private record Result(int orders, int accepted, long nanos) {
        double perSecond() {
            return orders / (nanos / 1e9);
        }
    }

    private Result run(String storeId, int orders, IntFunction<String> sku) throws Exception {
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            orderIds.add(UUID.randomUUID().toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                OrderPlaced order = new OrderPlaced(orderIds.get(i), "bench", PRICE, List.of(
                        new OrderLine("so-" + i, storeId, "p-" + sku.apply(i), sku.apply(i), 1, PRICE)),
                        List.of(SellerOrderTotals.undiscounted("so-" + i, storeId, "bench-seller", PRICE)));
                futures.add(pool.submit(() -> deliver(EventEnvelope.of(order, 1))));
            }
            for (Future<Boolean> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long nanos = System.nanoTime() - start;
        int accepted = jdbc.sql("SELECT count(*) FROM stock_reservation WHERE status = 'RESERVED' AND order_id = ANY(?)")
                .param(orderIds.toArray(String[]::new)).query(Integer.class).single();
        return new Result(orders, accepted, nanos);
    }

    /**
     * Publishes the orders on {@code orders.order} as order-service would and waits until every one has its
     * reservation; the time runs from the first send to the last reservation's {@code updated_at} (written by
     * the service's clock in the reserving transaction), so the polling interval does not count.
     */
    private Result throughKafka(String storeId, int orders, IntFunction<String> sku) {
        List<String> orderIds = new ArrayList<>();
        Instant start = Instant.now();
        for (int i = 0; i < orders; i++) {
            String orderId = UUID.randomUUID().toString();
            orderIds.add(orderId);
            OrderPlaced order = new OrderPlaced(orderId, "bench", PRICE, List.of(
                    new OrderLine("so-" + i, storeId, "p-" + sku.apply(i), sku.apply(i), 1, PRICE)),
                        List.of(SellerOrderTotals.undiscounted("so-" + i, storeId, "bench-seller", PRICE)));
            kafka.send(Topics.ORDERS_ORDER, orderId, envelopes.toJson(EventEnvelope.of(order, 1)));
        }
        kafka.flush();
        String[] ids = orderIds.toArray(String[]::new);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM stock_reservation WHERE version > 0 AND order_id = ANY(?)")
                .param(ids).query(Integer.class).single() == orders);
        Instant last = jdbc.sql("SELECT max(updated_at) FROM stock_reservation WHERE order_id = ANY(?)")
                .param(ids).query(java.sql.Timestamp.class).single().toInstant();
        int accepted = jdbc.sql("SELECT count(*) FROM stock_reservation WHERE status = 'RESERVED' AND order_id = ANY(?)")
                .param(ids).query(Integer.class).single();
        return new Result(orders, accepted, Duration.between(start, last).toNanos());
    }

    private void print(String scenario, Result result, int oversold) {
        System.out.printf(Locale.ROOT, "[benchmark] reservations, %s: %d orders: %.1f orders/s (%d reserved,"
                        + " %d rejected; inverse throughput %.1f ms per order), oversold %d%n",
                scenario, result.orders(), result.perSecond(), result.accepted(),
                result.orders() - result.accepted(), result.nanos() / 1e6 / result.orders(), oversold);
    }
}
