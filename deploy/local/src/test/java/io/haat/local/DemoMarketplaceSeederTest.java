package io.haat.local;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DemoMarketplaceSeederTest {

    private static final String SEEDED = "seller approved, store \"Haat Demo Store\", 2 products, 5 SKUs stocked, "
            + "shipping method \"Standard delivery\", customer address";
    private static final String TOKEN = "POST /realms/haat/protocol/openid-connect/token";
    private static final List<String> SKUS = List.of("DEMO-TEA-100G", "DEMO-TEA-250G", "DEMO-TEA-500G", "DEMO-SHAWL-RED", "DEMO-SHAWL-BLUE");

    private FakeGateway gateway;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = new FakeGateway();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    private DemoMarketplaceSeeder seeder(Duration retryFor) {
        return new DemoMarketplaceSeeder(gateway.apiUrl(), gateway.tokenUrl(), retryFor, Duration.ofMillis(10));
    }

    @Test
    void freshMarketplaceGetsTheSellerStoreProductsStockShippingAndTheCustomersAddress() {
        gateway.categories.add(new LinkedHashMap<>(Map.of("id", "food", "name", "Food", "children", List.of())));

        String outcome = seeder(Duration.ofSeconds(5)).seed();

        assertThat(outcome).isEqualTo(SEEDED);
        assertThat(gateway.seller).containsEntry("status", "APPROVED").containsEntry("businessName", "Haat Demo Traders")
                .containsEntry("taxId", "NP-DEMO-0001")
                .containsEntry("businessAddress", Map.of("line1", "Durbar Marg 1", "city", "Kathmandu", "country", "NP"));
        assertThat(gateway.stores).singleElement().satisfies(store -> assertThat(store)
                .containsEntry("name", "Haat Demo Store").containsEntry("description", "Everyday goods from Kathmandu"));
        assertThat(gateway.categories).extracting(c -> c.get("name")).containsExactly("Food", "Demo goods");
        assertThat(gateway.products).hasSize(2).allSatisfy(product -> {
            assertThat(product).containsEntry("status", "ACTIVE").containsEntry("categoryId", "category-2");
            assertThat((List<?>) product.get("variants")).hasSizeBetween(2, 3).allSatisfy(variant ->
                    assertThat(((Map<?, ?>) ((Map<?, ?>) variant).get("price")).get("currency")).isEqualTo("NPR"));
        });
        assertThat(gateway.inventory.keySet()).containsExactlyElementsOf(SKUS);
        assertThat(gateway.inventory.values()).allSatisfy(item ->
                assertThat(item).containsEntry("quantity", 25L).containsEntry("lowStockThreshold", 5L));
        assertThat(gateway.shippingMethods).singleElement().satisfies(method -> assertThat(method).hasSize(11)
                .containsAllEntriesOf(Map.of("name", "Standard delivery", "type", "FLAT", "currency", "NPR",
                        "flatRate", 10_000L, "minDays", 2L, "maxDays", 5L, "everywhere", true, "active", true)));
        assertThat(gateway.addresses).singleElement().satisfies(address -> assertThat(address).hasSize(9)
                .containsAllEntriesOf(Map.of("recipient", "Haat Demo Customer", "phone", "+9779800000000",
                        "line1", "Thamel Marg 5", "city", "Kathmandu", "region", "Bagmati", "postalCode", "44600",
                        "country", "NP", "isDefault", true)));
        assertThat(gateway.changes()).contains("POST /admin/sellers/seller-1/approve",
                "POST /admin/products/product-1/approve", "POST /admin/products/product-2/approve",
                "POST /stores/store-1/shipping-methods", "POST /me/addresses");
    }

    @Test
    void secondRunFindsEverythingAndChangesNothing() {
        seeder(Duration.ofSeconds(5)).seed();
        gateway.requests.clear();

        String outcome = seeder(Duration.ofSeconds(5)).seed();

        assertThat(outcome).isEqualTo("already there (" + SEEDED + ")");
        assertThat(gateway.changes()).containsExactly(TOKEN, TOKEN, TOKEN);
        assertThat(gateway.requests).contains("GET /stores/store-1/shipping-methods", "GET /me/addresses");
        assertThat(gateway.stores).hasSize(1);
        assertThat(gateway.products).hasSize(2);
        assertThat(gateway.shippingMethods).hasSize(1);
        assertThat(gateway.addresses).hasSize(1);
    }

    @Test
    void keepsTheStoresOtherMethodsAndTheCustomersOwnAddress() {
        seeder(Duration.ofSeconds(5)).seed();
        gateway.shippingMethods.addFirst(new LinkedHashMap<>(Map.of("id", "express", "name", "Express", "active", true)));
        gateway.addresses.set(0, new LinkedHashMap<>(Map.of("id", "own", "line1", "Durbar Marg 12", "isDefault", true)));
        gateway.requests.clear();

        String outcome = seeder(Duration.ofSeconds(5)).seed();

        assertThat(outcome).isEqualTo("already there (" + SEEDED + ")");
        assertThat(gateway.changes()).containsExactly(TOKEN, TOKEN, TOKEN);
        assertThat(gateway.addresses).extracting(a -> a.get("id")).containsExactly("own");
    }

    @Test
    void aDeactivatedDemoMethodIsCreatedAnewAndOtherMethodsDoNotCount() {
        gateway.stores.add(new LinkedHashMap<>(Map.of("id", "store-1", "name", "Haat Demo Store")));
        gateway.shippingMethods.add(new LinkedHashMap<>(Map.of("id", "old", "name", "Standard delivery", "active", false)));
        gateway.shippingMethods.add(new LinkedHashMap<>(Map.of("id", "express", "name", "Express", "active", true)));

        assertThat(seeder(Duration.ofSeconds(5)).seed()).isEqualTo(SEEDED);

        assertThat(gateway.shippingMethods).extracting(m -> m.get("name"), m -> m.get("active")).containsExactly(
                tuple("Standard delivery", false), tuple("Express", true), tuple("Standard delivery", true));
    }

    @Test
    void resumesAHalfDoneRun() {
        gateway.seller = new LinkedHashMap<>(Map.of("id", "seller-1", "status", "PENDING"));
        gateway.categories.add(new LinkedHashMap<>(Map.of("id", "top", "name", "Everything", "children",
                List.of(Map.of("id", "nested-demo", "name", "Demo goods", "children", List.of())))));
        gateway.stores.add(new LinkedHashMap<>(Map.of("id", "store-1", "name", "Haat Demo Store")));
        gateway.products.add(new LinkedHashMap<>(Map.of("id", "product-1", "name", "Ilam Orthodox Black Tea", "status", "PENDING_REVIEW")));
        gateway.inventory.put("DEMO-TEA-250G", new LinkedHashMap<>(Map.of("quantity", 3L)));
        gateway.shippingMethods.add(new LinkedHashMap<>(Map.of("id", "shipping-1", "name", "Standard delivery", "flatRate", 5_000L)));

        String outcome = seeder(Duration.ofSeconds(5)).seed();

        assertThat(outcome).isEqualTo(SEEDED);
        assertThat(gateway.changes()).doesNotContain("POST /sellers/apply", "POST /stores", "POST /admin/categories",
                "PUT /stores/store-1/inventory/DEMO-TEA-250G", "POST /stores/store-1/shipping-methods")
                .contains("POST /me/addresses");
        assertThat(gateway.seller).containsEntry("status", "APPROVED");
        assertThat(gateway.products).extracting(p -> p.get("status")).containsExactly("ACTIVE", "ACTIVE");
        assertThat(gateway.products.get(1)).containsEntry("categoryId", "nested-demo");
        assertThat(gateway.inventory.get("DEMO-TEA-250G")).containsEntry("quantity", 3L); // a seller's edit is kept
        assertThat(gateway.shippingMethods).singleElement().satisfies(m -> assertThat(m).containsEntry("flatRate", 5_000L));
        assertThat(gateway.addresses).singleElement().satisfies(a -> assertThat(a).containsEntry("line1", "Thamel Marg 5"));
    }

    @Test
    void retriesWhileTheGatewayAnswers503Or502() {
        gateway.script("GET /sellers/me", 503, 503, 503);
        gateway.script("GET /categories", 502);
        gateway.script("GET /me/addresses", 503);
        gateway.script("POST /realms/haat/protocol/openid-connect/token", 503);

        String outcome = seeder(Duration.ofSeconds(5)).seed();

        assertThat(outcome).isEqualTo(SEEDED);
        assertThat(gateway.requests).filteredOn("GET /sellers/me"::equals).hasSize(4);
        assertThat(gateway.requests).filteredOn("GET /categories"::equals).hasSize(2);
        assertThat(gateway.requests).filteredOn("GET /me/addresses"::equals).hasSize(2);
        assertThat(gateway.stores).hasSize(1);
    }

    @Test
    void aFailingCallIsAWarningNotAnException() {
        gateway.script("POST /stores", 500);

        String outcome = seeder(Duration.ofSeconds(5)).seed();

        assertThat(outcome).startsWith("WARNING: not seeded").contains("POST /stores answered 500");
        assertThat(gateway.requests).filteredOn("POST /stores"::equals).hasSize(1); // a 500 is not retried
        assertThat(gateway.products).isEmpty();
    }

    @Test
    void givesUpAfterTheRetryPeriod() {
        gateway.script("GET /sellers/me", 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503,
                503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503);

        String outcome = seeder(Duration.ofMillis(150)).seed();

        assertThat(outcome).startsWith("WARNING: not seeded").contains("GET /sellers/me answered 503");
        assertThat(gateway.stores).isEmpty();
    }

    @Test
    void aGatewayThatDoesNotAnswerIsAWarning() {
        gateway.close();

        String outcome = seeder(Duration.ofMillis(100)).seed();

        assertThat(outcome).startsWith("WARNING: not seeded").contains("did not answer");
    }

    @Test
    void aRejectedApplicationIsAWarning() {
        gateway.seller = new LinkedHashMap<>(Map.of("id", "seller-1", "status", "REJECTED"));

        assertThat(seeder(Duration.ofSeconds(5)).seed()).startsWith("WARNING: not seeded")
                .contains("the demo seller's application is REJECTED");
    }
}
