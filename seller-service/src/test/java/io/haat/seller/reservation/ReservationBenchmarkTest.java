package io.haat.seller.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.seller.SellerIntegrationTest;
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

/**
 * Reservations per second through the real consumer path (idempotency record, reservation, stock row,
 * history, outbox) on real PostgreSQL: one hot SKU that every order wants, and disjoint SKUs. Prints
 * its figures (see target/surefire-reports/*ReservationBenchmarkTest-output.txt); asserts only that
 * nothing is oversold, never on time.
 */
@Tag("benchmark")
class ReservationBenchmarkTest extends SellerIntegrationTest {

    private static final int THREADS = 16;
    private static final int ORDERS = 400;
    private static final Money PRICE = new Money(1_000, "NPR");

    @Autowired
    DataSource dataSource;

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
            print("hot SKU (" + hotUnits + " units)", hot, oversold);
            print("disjoint SKUs", disjoint, disjointOversold);

            assertThat(oversold).isZero();
            assertThat(disjointOversold).isZero();
            assertThat(hotReserved).isEqualTo(hotUnits);
            assertThat(hot.accepted()).isEqualTo(hotUnits);
            assertThat(disjoint.accepted()).isEqualTo(ORDERS);
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
                        new OrderLine("so-" + i, storeId, "p-" + sku.apply(i), sku.apply(i), 1, PRICE)));
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

    private void print(String scenario, Result result, int oversold) {
        System.out.printf(Locale.ROOT, "[benchmark] reservations, %-22s %4d orders, %2d threads: %7.1f orders/s"
                        + " (%4d reserved, %4d rejected, %5.1f ms per order), oversold %d%n",
                scenario + ":", result.orders(), THREADS, result.perSecond(), result.accepted(),
                result.orders() - result.accepted(), result.nanos() / 1e6 / result.orders(), oversold);
    }
}
