package io.haat.order.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.order.OrderIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Parallel calls on one cart are serialised by its row lock: no lost update, no duplicate cart, no double merge. */
class CartConcurrencyTest extends OrderIntegrationTest {

    @Test
    void parallelFirstAddsOfOneCustomerAllLandInOneCart() throws Exception {
        User customer = customer();
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 50);
        List<Integer> statuses = inParallel(12, () -> addToCart(customer.token(), null, tea, "TEA-250", 2).status());
        assertThat(statuses).containsOnly(200);
        assertThat(line(ok(cart(customer.token(), null)).body(), tea.id()).path("quantity").asInt()).isEqualTo(24);
        assertThat(jdbc.sql("SELECT count(*) FROM cart WHERE customer_id = ?::uuid").param(customer.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aGuestCartPresentedByTwoCustomersAtOnceIsMergedIntoOneOnly() throws Exception {
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 50);
        String token = ok(addToCart(null, null, tea, "TEA-250", 3)).header(CART_TOKEN);
        List<User> customers = List.of(customer(), customer(), customer(), customer());
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(customers.size());
        try {
            List<Future<Integer>> calls = customers.stream()
                    .map(c -> pool.submit(() -> cart(c.token(), token).status())).toList();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(200);
        int holders = 0;
        for (User c : customers) {
            holders += ok(cart(c.token(), null)).body().path("itemCount").asInt() == 3 ? 1 : 0;
        }
        assertThat(holders).isEqualTo(1);
    }

    private static List<Integer> inParallel(int n, java.util.concurrent.Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
