package io.haat.order.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.catalog.ProductStatus;
import io.haat.order.OrderIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer's cart over HTTP, priced from the local copies that catalog and stock events keep. */
class CartApiTest extends OrderIntegrationTest {

    @Test
    void theCartShowsLinesGroupedByStoreWithTodaysPricesAndSubtotals() {
        User customer = customer();
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 10);
        Product mug = onSale("Clay mug", "MUG-1", 12_500, 3);
        ok(addToCart(customer.token(), null, tea, "TEA-250", 2));
        JsonNode body = ok(addToCart(customer.token(), null, mug, "MUG-1", 3)).body();

        assertThat(body.path("guest").asBoolean()).isFalse();
        assertThat(body.path("lineCount").asInt()).isEqualTo(2);
        assertThat(body.path("itemCount").asInt()).isEqualTo(5);
        assertThat(body.path("stores")).hasSize(2);
        JsonNode teaStore = body.path("stores").get(0);
        assertThat(teaStore.path("storeId").asString()).isEqualTo(tea.storeId());
        assertThat(teaStore.path("sellerId").asString()).isEqualTo(tea.sellerId());
        JsonNode line = teaStore.path("lines").get(0);
        assertThat(line.path("name").asString()).isEqualTo("Ilam tea");
        assertThat(line.path("unitPrice").path("amountMinor").asLong()).isEqualTo(45_000);
        assertThat(line.path("lineTotal").path("amountMinor").asLong()).isEqualTo(90_000);
        assertThat(line.path("flags")).isEmpty();
        assertThat(teaStore.path("subtotals").get(0).path("amountMinor").asLong()).isEqualTo(90_000);
        assertThat(body.path("subtotals")).singleElement()
                .satisfies(total -> assertThat(total.path("amountMinor").asLong()).isEqualTo(127_500));
        assertThat(body.path("hasIssues").asBoolean()).isFalse();
        assertThat(ok(cart(customer.token(), null)).body()).isEqualTo(body);
    }

    @Test
    void priceChangesStockOutsAndUnpublishedProductsAreFlaggedNotDropped() {
        User customer = customer();
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 10);
        Product mug = onSale("Clay mug", "MUG-1", 12_500, 5);
        Product pot = onSale("Tea pot", "POT-1", 30_000, 5);
        ok(addToCart(customer.token(), null, tea, "TEA-250", 2));
        ok(addToCart(customer.token(), null, mug, "MUG-1", 4));
        ok(addToCart(customer.token(), null, pot, "POT-1", 1));

        publish(tea, 2, ProductStatus.ACTIVE, "TEA-250", npr(48_000));   // dearer now
        stock(mug, "MUG-1", 0, 2);                                         // sold out
        publish(pot, 2, ProductStatus.ARCHIVED, "POT-1", npr(30_000));    // taken off sale

        JsonNode body = ok(cart(customer.token(), null)).body();
        assertThat(body.path("lineCount").asInt()).isEqualTo(3);
        JsonNode teaLine = line(body, tea.id());
        assertThat(teaLine.path("priceChanged").asBoolean()).isTrue();
        assertThat(teaLine.path("priceWhenAdded").path("amountMinor").asLong()).isEqualTo(45_000);
        assertThat(teaLine.path("unitPrice").path("amountMinor").asLong()).isEqualTo(48_000);
        assertThat(teaLine.path("lineTotal").path("amountMinor").asLong()).isEqualTo(96_000);
        assertThat(teaLine.path("flags").toString()).isEqualTo("[\"PRICE_CHANGED\"]");
        assertThat(line(body, mug.id()).path("flags").toString()).isEqualTo("[\"OUT_OF_STOCK\"]");
        assertThat(line(body, pot.id()).path("flags").toString()).isEqualTo("[\"UNAVAILABLE\"]");
        // only the tea can be bought as it is
        assertThat(body.path("subtotals").get(0).path("amountMinor").asLong()).isEqualTo(96_000);
        assertThat(body.path("hasIssues").asBoolean()).isTrue();

        stock(mug, "MUG-1", 2, 3);                                          // some back, fewer than the line holds
        assertThat(line(ok(cart(customer.token(), null)).body(), mug.id()).path("flags").toString())
                .isEqualTo("[\"INSUFFICIENT_STOCK\"]");
    }

    @Test
    void lateAndDuplicateEventsNeverOverwriteNewerFacts() {
        User customer = customer();
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 10);
        ok(addToCart(customer.token(), null, tea, "TEA-250", 1));
        assertThat(publish(tea, 5, ProductStatus.ACTIVE, "TEA-250", npr(50_000))).isTrue();
        assertThat(stock(tea, "TEA-250", 7, 9)).isTrue();
        publish(tea, 4, ProductStatus.ARCHIVED, "TEA-250", npr(1));   // late: older version
        stock(tea, "TEA-250", 0, 8);                                   // late: older inventory version
        var envelope = io.haat.events.EventEnvelope.of(new io.haat.events.inventory.StockLevelChanged(
                tea.storeId(), "TEA-250", 3, 0, 3), 10, clock.instant());
        assertThat(deliver(envelope)).isTrue();
        assertThat(deliver(envelope)).as("a redelivery is skipped").isFalse();

        JsonNode line = line(ok(cart(customer.token(), null)).body(), tea.id());
        assertThat(line.path("unitPrice").path("amountMinor").asLong()).isEqualTo(50_000);
        assertThat(line.path("available").asInt()).isEqualTo(3);
        assertThat(line.path("flags").toString()).isEqualTo("[\"PRICE_CHANGED\"]");
    }

    @Test
    void quantityCanBeChangedLinesRemovedAndTheCartCleared() {
        User customer = customer();
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 10);
        Product mug = onSale("Clay mug", "MUG-1", 12_500, 5);
        ok(addToCart(customer.token(), null, tea, "TEA-250", 2));
        String mugLine = line(ok(addToCart(customer.token(), null, mug, "MUG-1", 1)).body(), mug.id()).path("id").asString();
        String teaLine = line(ok(cart(customer.token(), null)).body(), tea.id()).path("id").asString();

        JsonNode changed = ok(call("PATCH", "/cart/items/" + teaLine, customer.token(), Map.of("quantity", 7))).body();
        assertThat(line(changed, tea.id()).path("quantity").asInt()).isEqualTo(7);
        Response tooMany = call("PATCH", "/cart/items/" + teaLine, customer.token(), Map.of("quantity", 11));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.problemType()).endsWith("/insufficient-stock");
        assertThat(tooMany.body().path("available").asInt()).isEqualTo(10);

        JsonNode removed = ok(call("DELETE", "/cart/items/" + mugLine, customer.token(), null)).body();
        assertThat(removed.path("lineCount").asInt()).isEqualTo(1);
        assertThat(ok(call("DELETE", "/cart/items/" + mugLine, customer.token(), null)).body().path("lineCount").asInt())
                .as("removing it again changes nothing").isEqualTo(1);
        Response missing = call("PATCH", "/cart/items/" + mugLine, customer.token(), Map.of("quantity", 1));
        assertThat(missing.status()).isEqualTo(404);

        assertThat(call("DELETE", "/cart", customer.token(), null).status()).isEqualTo(204);
        assertThat(call("DELETE", "/cart", customer.token(), null).status()).isEqualTo(204);
        assertThat(ok(cart(customer.token(), null)).body().path("lineCount").asInt()).isZero();
    }

    @Test
    void badInputIsAClear4xxProblemNeverA500() {
        User customer = customer();
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 150);
        Product gone = onSale("Old tea", "OLD-1", 10_000, 5);
        publish(gone, 2, ProductStatus.BANNED, "OLD-1", npr(10_000));
        Product empty = onSale("Rare tea", "RARE-1", 90_000, 0);

        assertProblem(addToCart(customer.token(), null, tea, "TEA-250", 0), 400, "validation", "quantity");
        assertProblem(addToCart(customer.token(), null, tea, "TEA-250", -3), 400, "validation", "quantity");
        assertProblem(addToCart(customer.token(), null, tea, "TEA-250", 100), 400, "validation", "quantity");
        assertProblem(addToCart(customer.token(), null, tea, "NOPE", 1), 400, "validation", "sku");
        assertProblem(addToCart(customer.token(), null, product("Unknown"), "TEA-250", 1), 400, "validation", "productId");
        assertProblem(call("POST", "/cart/items", customer.token(), Map.of("sku", "TEA-250", "quantity", 1)),
                400, "validation", "productId");
        assertThat(call("POST", "/cart/items", customer.token(), "{\"productId\": ").status()).isEqualTo(400);
        assertThat(call("POST", "/cart/items", customer.token(), "{\"productId\":\"a\",\"sku\":\"b\",\"quantity\":\"x\"}")
                .status()).isEqualTo(400);
        assertProblem(addToCart(customer.token(), null, gone, "OLD-1", 1), 422, "product-unavailable", null);
        assertProblem(addToCart(customer.token(), null, empty, "RARE-1", 1), 409, "insufficient-stock", null);
        assertProblem(addToCart(customer.token(), null, tea, "TEA-250", 99), 200, null, null);
        assertProblem(addToCart(customer.token(), null, tea, "TEA-250", 1), 422, "cart-quantity-limit", null);
        assertThat(call("PATCH", "/cart/items/not-a-uuid", customer.token(), Map.of("quantity", 1)).status()).isEqualTo(400);
        assertProblem(call("PATCH", "/cart/items/" + UUID.randomUUID(), customer.token(), Map.of("quantity", 0)),
                400, "validation", "quantity");
        assertProblem(call("PATCH", "/cart/items/" + UUID.randomUUID(), customer.token(), Map.of("quantity", 2)),
                404, "not-found", null);
        assertProblem(cart(customer.token(), "short"), 400, "validation", CART_TOKEN);
    }

    @Test
    void theHundredAndFirstLineIsRefused() {
        User customer = customer();
        for (int i = 0; i < Cart.MAX_LINES; i++) {
            ok(addToCart(customer.token(), null, onSale("Item " + i, "SKU", 1_000, 5), "SKU", 1));
        }
        assertProblem(addToCart(customer.token(), null, onSale("One too many", "SKU", 1_000, 5), "SKU", 1),
                422, "cart-line-limit", null);
        assertThat(ok(cart(customer.token(), null)).body().path("lineCount").asInt()).isEqualTo(100);
    }

    @Test
    void anotherCustomersLinesCanNeitherBeSeenNorChanged() {
        User alice = customer();
        User bob = customer();
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 10);
        String aliceLine = line(ok(addToCart(alice.token(), null, tea, "TEA-250", 2)).body(), tea.id())
                .path("id").asString();

        assertThat(ok(cart(bob.token(), null)).body().path("lineCount").asInt()).isZero();
        assertThat(call("PATCH", "/cart/items/" + aliceLine, bob.token(), Map.of("quantity", 5)).status()).isEqualTo(404);
        ok(call("DELETE", "/cart/items/" + aliceLine, bob.token(), null));
        assertThat(call("DELETE", "/cart", bob.token(), null).status()).isEqualTo(204);
        assertThat(line(ok(cart(alice.token(), null)).body(), tea.id()).path("quantity").asInt()).isEqualTo(2);
    }
}
