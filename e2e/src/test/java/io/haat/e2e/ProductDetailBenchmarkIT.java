package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Product detail GET with 10,000 products loaded (issue 6), through the gateway and directly on catalog-service, same
 * run, same concurrency. The products are copies of a real product that catalog-service itself stored (only id, name
 * and SKUs differ), written straight into the local catalog database and removed afterwards. Prints the figures;
 * asserts only that every request succeeded.
 */
@Tag("benchmark")
@Order(Integer.MAX_VALUE - 3) // after the functional tests: load must not disturb them
class ProductDetailBenchmarkIT {

    private static final int PRODUCTS = BenchScale.of(10_000, 2_000);
    private static final int CONCURRENCY = 16;
    private static final Duration WARM_UP = BenchScale.of(Duration.ofSeconds(3), Duration.ofSeconds(2));
    private static final Duration MEASURE = BenchScale.of(Duration.ofSeconds(8), Duration.ofSeconds(4));

    @Test
    void productDetailWithTenThousandProducts() {
        Marketplace.get();
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (MongoClient client = MongoClients.create("mongodb://localhost:27017")) {
            MongoCollection<Document> products = client.getDatabase("catalog").getCollection("products");
            Document template = products.find(Filters.and(Filters.eq("status", "ACTIVE"),
                    Filters.eq("storeVisible", true))).first();
            assertThat(template).as("an active product stored by catalog-service (the demo data has two)").isNotNull();
            long loadStart = System.nanoTime();
            List<String> ids = load(products, template, run);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            try {
                LoadRun direct = LoadRun.measure("direct  GET :8082/products/{id}",
                        randomProduct("http://localhost:8082/products/", ids), CONCURRENCY, WARM_UP, MEASURE);
                LoadRun gateway = LoadRun.measure("gateway GET /api/v1/products/{id}",
                        randomProduct(Gateway.url("/api/v1/products/"), ids), CONCURRENCY, WARM_UP, MEASURE);
                System.out.printf("[benchmark] product detail, %d products loaded in %.1f s, %s%n", PRODUCTS, loadSeconds,
                        BenchScale.label());
                System.out.println("[benchmark] " + direct.line());
                System.out.println("[benchmark] " + gateway.line());
                BenchReport.row("Product detail", direct);
                BenchReport.row("Product detail", gateway);
                assertThat(direct.errors()).isZero();
                assertThat(gateway.errors()).isZero();
            } finally {
                products.deleteMany(Filters.eq("benchmarkRun", run));
            }
        }
    }

    private static List<String> load(MongoCollection<Document> products, Document template, String run) {
        List<String> ids = new ArrayList<>(PRODUCTS);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            Document copy = Document.parse(template.toJson());
            String id = UUID.randomUUID().toString();
            copy.put("_id", id);
            copy.put("name", "Benchmark product " + i);
            copy.put("benchmarkRun", run);
            copy.remove("outbox");
            copy.remove("outboxLeaseUntil");
            int variant = 0;
            for (Document sku : copy.getList("variants", Document.class)) {
                sku.put("sku", run.toUpperCase() + "-" + i + "-" + variant++);
            }
            batch.add(copy);
            ids.add(id);
            if (batch.size() == 1_000) {
                products.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            products.insertMany(batch);
        }
        return ids;
    }

    /** A GET of a different product each time: the load spreads over all 10,000. */
    private static Supplier<HttpRequest> randomProduct(String base, List<String> ids) {
        return () -> HttpRequest.newBuilder(URI.create(base + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))))
                .timeout(Duration.ofSeconds(10)).GET().build();
    }
}
