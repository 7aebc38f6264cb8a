package io.haat.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.catalog.CatalogTest;
import io.haat.events.Money;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Product detail GET straight against catalog-service (not through the gateway), with 10,000 products loaded:
 * prints requests/s, p50 and p99. Tagged {@code benchmark} (excluded from {@code verify}; run with
 * {@code -DexcludedGroups=none -Dgroups=benchmark}). It asserts that every answer was a 200, never a time.
 */
@Tag("benchmark")
class ProductDetailBenchmarkTest extends CatalogTest {

    private static final int PRODUCTS = 10_000;
    private static final int THREADS = 8;
    private static final long WARM_UP_MILLIS = 2_000;
    private static final long MEASURE_MILLIS = 8_000;

    @Test
    void productDetailThroughput() throws Exception {
        long loadStart = System.nanoTime();
        Seller seller = approvedSellerWithStore();
        String categoryId = category("Benchmark");
        List<String> ids = load(seller, categoryId);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        run(http, ids, WARM_UP_MILLIS, null);
        List<long[]> perThread = new ArrayList<>();
        long start = System.nanoTime();
        int requests = run(http, ids, MEASURE_MILLIS, perThread);
        double seconds = (System.nanoTime() - start) / 1e9;

        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("%n[benchmark] GET /products/{id}: %d products loaded in %.1f s; %d threads, %.1f s%n",
                PRODUCTS, loadSeconds, THREADS, seconds);
        System.out.printf("[benchmark] %d requests, %.0f requests/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n%n",
                requests, requests / seconds, percentile(all, 50) / 1e6, percentile(all, 99) / 1e6,
                all[all.length - 1] / 1e6);
        assertThat(requests).isPositive();
    }

    private List<String> load(Seller seller, String categoryId) {
        List<String> ids = new ArrayList<>(PRODUCTS);
        List<Document> documents = new ArrayList<>(PRODUCTS);
        Instant now = Instant.now();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < PRODUCTS; i++) {
            List<Variant> variants = List.of(
                    new Variant("BENCH-" + run + "-" + i + "-S", Map.of("size", "S"), new Money(1000 + i, "NPR"), null, 200),
                    new Variant("BENCH-" + run + "-" + i + "-M", Map.of("size", "M"), new Money(1100 + i, "NPR"),
                            new Money(1500 + i, "NPR"), 210));
            ProductContent content = new ProductContent("Benchmark product " + i, "Description of product " + i,
                    categoryId, "Haat", Map.of("material", "cotton", "origin", "Nepal"), variants);
            Product product = Product.create(seller.storeId(), seller.sellerId(), seller.userId(), content, true, true, now)
                    .state().approve(now).state();
            Document document = new Document();
            mongo.getConverter().write(product, document);
            documents.add(document);
            ids.add(product.id());
        }
        for (int from = 0; from < PRODUCTS; from += 1_000) {
            mongo.getCollection("products").insertMany(documents.subList(from, Math.min(PRODUCTS, from + 1_000)));
        }
        return ids;
    }

    /** Runs {@link #THREADS} clients for a while; returns the number of requests (latencies into {@code sink}). */
    private int run(HttpClient http, List<String> ids, long millis, List<long[]> sink) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        AtomicInteger count = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < deadline) {
                        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/products/" + id))
                                .GET().build();
                        long begin = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - begin;
                        if (response.statusCode() != 200) {
                            throw new AssertionError("GET /products/" + id + " answered " + response.statusCode());
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                        count.incrementAndGet();
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            for (Future<long[]> f : futures) {
                long[] latencies = f.get();
                if (sink != null) {
                    sink.add(latencies);
                }
            }
        }
        return count.get();
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
