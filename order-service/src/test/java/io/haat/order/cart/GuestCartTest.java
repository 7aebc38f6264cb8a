package io.haat.order.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.order.OrderIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Guest carts: issued by the first anonymous add, merged at the customer's first cart call, expired when idle. */
class GuestCartTest extends OrderIntegrationTest {

    @Autowired
    GuestCartPurgeJob purge;
    @Autowired
    CartProperties properties;

    @Test
    void aGuestsFirstAddIssuesATokenThatOpensOnlyThatCart() {
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 10);
        assertThat(ok(cart(null, null)).body().path("lineCount").asInt()).isZero();

        Response added = ok(addToCart(null, null, tea, "TEA-250", 2));
        String token = added.header(CART_TOKEN);
        assertThat(token).matches("[A-Za-z0-9_-]{22}");
        assertThat(added.body().path("guest").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM cart WHERE token_hash = ?").param(token).query(Long.class).single())
                .as("only the token's hash is stored").isZero();

        Response again = ok(addToCart(null, token, tea, "TEA-250", 1));
        assertThat(again.header(CART_TOKEN)).as("no new token for a cart that exists").isNull();
        JsonNode cart = ok(cart(null, token)).body();
        assertThat(line(cart, tea.id()).path("quantity").asInt()).isEqualTo(3);
        String lineId = line(cart, tea.id()).path("id").asString();
        assertThat(line(ok(call("PATCH", "/cart/items/" + lineId, null, Map.of("quantity", 1), CART_TOKEN, token)).body(),
                tea.id()).path("quantity").asInt()).isEqualTo(1);

        String otherGuest = ok(addToCart(null, null, tea, "TEA-250", 1)).header(CART_TOKEN);
        assertThat(otherGuest).isNotEqualTo(token);
        assertThat(call("PATCH", "/cart/items/" + lineId, null, Map.of("quantity", 5), CART_TOKEN, otherGuest).status())
                .isEqualTo(404);
        assertProblem(cart(null, "AAAAAAAAAAAAAAAAAAAAAA"), 404, "cart-not-found", null);
        assertThat(call("PATCH", "/cart/items/" + lineId, null, Map.of("quantity", 1)).status())
                .as("a guest without a token has no lines").isEqualTo(404);
        assertThat(call("DELETE", "/cart", null, null).status()).isEqualTo(204);
    }

    @Test
    void signingInMergesTheGuestCartOnceAndItsTokenOpensNothingAfterwards() {
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 10);
        Product mug = onSale("Clay mug", "MUG-1", 12_500, 4);
        User customer = customer();
        ok(addToCart(customer.token(), null, tea, "TEA-250", 6));
        ok(addToCart(customer.token(), null, mug, "MUG-1", 3));

        String token = ok(addToCart(null, null, tea, "TEA-250", 3)).header(CART_TOKEN);
        ok(addToCart(null, token, mug, "MUG-1", 4));

        JsonNode merged = ok(cart(customer.token(), token)).body();
        assertThat(merged.path("guest").asBoolean()).isFalse();
        assertThat(line(merged, tea.id()).path("quantity").asInt()).as("6 + 3").isEqualTo(9);
        assertThat(line(merged, mug.id()).path("quantity").asInt()).as("3 + 4, held to the 4 available").isEqualTo(4);

        assertProblem(cart(null, token), 404, "cart-not-found", null);
        assertProblem(addToCart(null, token, tea, "TEA-250", 1), 404, "cart-not-found", null);
        User someoneElse = customer();
        assertThat(ok(cart(someoneElse.token(), token)).body().path("lineCount").asInt())
                .as("another customer presenting the spent token gets only their own cart").isZero();
        assertThat(line(ok(cart(customer.token(), token)).body(), tea.id()).path("quantity").asInt())
                .as("presenting it again merges nothing twice").isEqualTo(9);
    }

    @Test
    void theFirstAuthenticatedAddWithAGuestTokenMergesToo() {
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 10);
        String token = ok(addToCart(null, null, tea, "TEA-250", 2)).header(CART_TOKEN);
        User customer = customer();
        JsonNode cart = ok(addToCart(customer.token(), token, tea, "TEA-250", 1)).body();
        assertThat(line(cart, tea.id()).path("quantity").asInt()).isEqualTo(3);
        assertProblem(cart(null, token), 404, "cart-not-found", null);
    }

    @Test
    void idleGuestCartsExpireAndArePurged() {
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 10);
        String idle = ok(addToCart(null, null, tea, "TEA-250", 1)).header(CART_TOKEN);
        clock.advance(properties.guestTtl().minus(Duration.ofMinutes(1)));
        String fresh = ok(addToCart(null, null, tea, "TEA-250", 1)).header(CART_TOKEN);
        ok(cart(null, idle)); // reading does not keep a cart alive; only changes do
        clock.advance(Duration.ofMinutes(2));

        assertProblem(cart(null, idle), 404, "cart-not-found", null);
        assertThat(ok(cart(null, fresh)).body().path("lineCount").asInt()).isEqualTo(1);
        assertThat(purge.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM cart WHERE expires_at <= ?").param(java.sql.Timestamp.from(clock.instant())).query(Long.class).single())
                .isZero();
        assertThat(ok(cart(null, fresh)).body().path("lineCount").asInt()).isEqualTo(1);
    }
}
