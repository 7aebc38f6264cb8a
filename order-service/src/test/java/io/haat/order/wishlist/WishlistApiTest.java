package io.haat.order.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.catalog.ProductStatus;
import io.haat.order.OrderIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The wishlist over HTTP: add, list with today's price and stock, remove, move to cart. */
class WishlistApiTest extends OrderIntegrationTest {

    @Test
    void wishedProductsAreListedWithTodaysPriceAndAvailability() {
        User customer = customer();
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 10);
        Product shawl = product("Pashmina");
        publish(shawl, 1, ProductStatus.ACTIVE, "RED", npr(900_000), "BLUE", npr(850_000));
        stock(shawl, "RED", 2, 1);

        JsonNode added = ok(post("/wishlist", customer.token(), Map.of("productId", tea.id()))).body();
        assertThat(added.path("price").path("amountMinor").asLong()).isEqualTo(45_000);
        ok(post("/wishlist", customer.token(), Map.of("productId", shawl.id())));
        ok(post("/wishlist", customer.token(), Map.of("productId", tea.id()))); // already there: no-op

        stock(tea, "TEA-250", 0, 2);
        JsonNode page = ok(get("/wishlist", customer.token())).body();
        assertThat(page.path("totalItems").asLong()).isEqualTo(2);
        JsonNode shawlItem = item(page, shawl.id());
        assertThat(shawlItem.path("price").path("amountMinor").asLong()).as("cheapest variant").isEqualTo(850_000);
        assertThat(shawlItem.path("available").asBoolean()).isTrue();
        assertThat(shawlItem.path("availableUnits").asInt()).isEqualTo(2);
        assertThat(item(page, tea.id()).path("available").asBoolean()).isFalse();

        assertThat(ok(get("/wishlist", customer().token())).body().path("totalItems").asLong())
                .as("another customer's list is their own").isZero();
        assertThat(call("DELETE", "/wishlist/" + tea.id(), customer.token(), null).status()).isEqualTo(204);
        assertThat(call("DELETE", "/wishlist/" + tea.id(), customer.token(), null).status()).isEqualTo(204);
        assertThat(ok(get("/wishlist", customer.token())).body().path("totalItems").asLong()).isEqualTo(1);
        assertProblem(get("/wishlist?size=500", customer.token()), 400, "validation", "size");
    }

    @Test
    void movingToTheCartAddsTheVariantAndTakesItOffTheList() {
        User customer = customer();
        Product shawl = product("Pashmina");
        publish(shawl, 1, ProductStatus.ACTIVE, "RED", npr(900_000), "BLUE", npr(850_000));
        stock(shawl, "RED", 3, 1);
        ok(post("/wishlist", customer.token(), Map.of("productId", shawl.id())));

        assertProblem(post("/wishlist/" + shawl.id() + "/move-to-cart", customer.token(), null), 400, "validation", "sku");
        assertProblem(post("/wishlist/" + shawl.id() + "/move-to-cart", customer.token(), Map.of("sku", "BLUE")),
                409, "insufficient-stock", null);
        assertThat(ok(get("/wishlist", customer.token())).body().path("totalItems").asLong())
                .as("a refused move leaves the product wished for").isEqualTo(1);

        User other = customer();
        assertProblem(post("/wishlist/" + shawl.id() + "/move-to-cart", other.token(), Map.of("sku", "RED")),
                404, "not-found", null);

        JsonNode cart = ok(post("/wishlist/" + shawl.id() + "/move-to-cart", customer.token(),
                Map.of("sku", "RED", "quantity", 2))).body();
        assertThat(cart.path("stores").get(0).path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(ok(get("/wishlist", customer.token())).body().path("totalItems").asLong()).isZero();
        assertThat(ok(get("/cart", other.token())).body().path("lineCount").asInt()).isZero();
    }

    @Test
    void badInputIsAClear4xx() {
        User customer = customer();
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 10);
        assertProblem(post("/wishlist", customer.token(), Map.of("productId", "nope")), 400, "validation", "productId");
        assertProblem(post("/wishlist", customer.token(), Map.of("productId", tea.id(), "sku", "X")), 400, "validation", "sku");
        assertProblem(post("/wishlist", customer.token(), Map.of()), 400, "validation", "productId");
        assertThat(post("/wishlist", customer.token(), "[1,").status()).isEqualTo(400);
        ok(post("/wishlist", customer.token(), Map.of("productId", tea.id(), "sku", "TEA-250")));
        assertProblem(post("/wishlist/" + tea.id() + "/move-to-cart", customer.token(), Map.of("quantity", 0)),
                400, "validation", "quantity");
    }

    private static JsonNode item(JsonNode page, String productId) {
        for (JsonNode item : page.path("items")) {
            if (item.path("productId").asString().equals(productId)) {
                return item;
            }
        }
        throw new AssertionError("no " + productId + " in " + page);
    }
}
