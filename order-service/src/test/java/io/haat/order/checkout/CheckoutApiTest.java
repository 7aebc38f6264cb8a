package io.haat.order.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Money;
import io.haat.events.catalog.ProductStatus;
import io.haat.order.IdentityServiceStub;
import io.haat.order.OrderSagaSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /checkout}: the cart becomes one order split per store, or a clear problem, never a 500. */
class CheckoutApiTest extends OrderSagaSupport {

    @Test
    void aCartOfTwoStoresBecomesOneOrderWithTwoSellerOrdersAndOrderPlacedInTheOutbox() {
        User customer = customer();
        String storeA = sellingStore();
        String storeB = sellingStore();
        Product tea = sellingProduct(storeA, "tea", 500, 10);
        Product mug = sellingProduct(storeB, "mug", 1200, 10);
        ok(addToCart(customer.token(), null, tea, "SKU-tea", 2));
        ok(addToCart(customer.token(), null, mug, "SKU-mug", 1));
        Map<String, Object> body = checkoutBody("SANDBOX");
        body.put("shippingMethods", Map.of(storeB, methodId(storeB, "Express")));

        Response placed = checkout(customer, body);

        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asString();
        assertThat(placed.header("Location")).isEqualTo("/orders/" + orderId);
        assertThat(placed.body().path("status").asString()).isEqualTo("PENDING");
        // 2×500 + 100 standard shipping, 1×1200 + 300 express shipping
        assertThat(money(placed.body().path("total"))).isEqualTo(npr(2600));
        assertThat(placed.body().path("sellerOrders")).hasSize(2);
        JsonNode order = order(customer, orderId);
        assertThat(order.path("address").path("country").asString()).isEqualTo("NP");
        JsonNode partB = order.path("sellerOrders").get(1);
        assertThat(partB.path("storeId").asString()).isEqualTo(storeB);
        assertThat(partB.path("shippingMethod").path("name").asString()).isEqualTo("Express");
        assertThat(money(partB.path("shipping"))).isEqualTo(npr(300));
        assertThat(partB.path("delivery").path("estimatedFrom").asString()).isNotBlank();
        assertThat(partB.path("items").get(0).path("name").asString()).isEqualTo("mug");
        assertThat(order.path("sellerOrders").get(0).path("shippingMethod").path("name").asString())
                .isEqualTo("Standard");
        assertThat(events(order)).containsExactly("PLACED");

        assertThat(outbox(orderId)).containsExactly("OrderPlaced");
        JsonNode event = outboxPayload(orderId, "OrderPlaced");
        assertThat(event.path("sellerOrders")).hasSize(2);
        assertThat(event.path("lines")).hasSize(2);
        assertThat(money(event.path("total"))).isEqualTo(npr(2600));
        assertThat(ok(cart(customer.token(), null)).body().path("lineCount").asInt()).isZero();
    }

    @Test
    void storeAndSiteCouponsAreRedeemedAndSplitByWhoFundsThem() {
        User customer = customer();
        User ownerA = user("SELLER");
        String storeA = sellingStore(ownerA);
        String storeB = sellingStore();
        storeCoupon(ownerA, storeA, "TEN", Map.of("type", "PERCENTAGE", "value", 10));
        String site = "SITE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response siteCoupon = put("/admin/coupons/" + site, user("ADMIN").token(),
                Map.of("type", "FIXED", "value", 100, "currency", "NPR"));
        assertThat(siteCoupon.status()).as(siteCoupon.body().toString()).isIn(200, 201);
        ok(addToCart(customer.token(), null, sellingProduct(storeA, "tea", 1000, 10), "SKU-tea", 1));
        ok(addToCart(customer.token(), null, sellingProduct(storeB, "mug", 1000, 10), "SKU-mug", 1));
        applyCoupon(customer, "TEN");
        applyCoupon(customer, site);

        Response placed = checkout(customer, checkoutBody("SANDBOX"));

        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        // 2000 merchandise + 200 shipping − 100 (10 % of tea, the seller's) − 100 (site, the platform's)
        assertThat(money(placed.body().path("total"))).isEqualTo(npr(2000));
        String orderId = placed.body().path("orderId").asString();
        JsonNode order = order(customer, orderId);
        assertThat(money(order.path("discount"))).isEqualTo(npr(200));
        assertThat(order.path("discounts").findValuesAsString("code")).containsExactlyInAnyOrder("TEN", site);
        JsonNode event = outboxPayload(orderId, "OrderPlaced");
        long sellerFunded = 0;
        long platformFunded = 0;
        for (JsonNode part : event.path("sellerOrders")) {
            sellerFunded += part.path("sellerDiscount").path("amountMinor").asLong();
            platformFunded += part.path("platformDiscount").path("amountMinor").asLong();
        }
        assertThat(sellerFunded).isEqualTo(100);
        assertThat(platformFunded).isEqualTo(100);
        long lineDiscounts = 0;
        for (JsonNode part : order.path("sellerOrders")) {
            for (JsonNode item : part.path("items")) {
                lineDiscounts += item.path("discount").path("amountMinor").asLong();
            }
        }
        assertThat(lineDiscounts).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM coupon_redemption WHERE order_id = ? AND state = 'CONSUMED'")
                .param(orderId).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aCouponThatExpiredSinceItWasAppliedIs422AndNothingIsOrdered() {
        User customer = customer();
        User owner = user("SELLER");
        String store = sellingStore(owner);
        storeCoupon(owner, store, "SOON", Map.of("type", "FIXED", "value", 50, "currency", "NPR",
                "endsAt", clock.instant().plus(java.time.Duration.ofHours(1)).toString()));
        ok(addToCart(customer.token(), null, sellingProduct(store, "tea", 500, 10), "SKU-tea", 1));
        applyCoupon(customer, "SOON");
        clock.advance(java.time.Duration.ofHours(2));

        Response expired = checkout(customer, checkoutBody("SANDBOX"));

        assertProblem(expired, 422, "coupon-expired", null);
        assertThat(ok(get("/orders", customer.token())).body().path("totalItems").asLong()).isZero();
        assertThat(ok(cart(customer.token(), null)).body().path("lineCount").asInt()).isEqualTo(1);
    }

    @Test
    void theSameKeyAnswersTheSameOrderOnceAndAnotherBodyWithItIs422() {
        User customer = customer();
        Product tea = sellingProduct(sellingStore(), "tea", 500, 10);
        ok(addToCart(customer.token(), null, tea, "SKU-tea", 1));
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = checkoutBody("SANDBOX");

        Response first = checkout(customer, body, key);
        Response again = checkout(customer, body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("orderId")).isEqualTo(first.body().path("orderId"));
        assertThat(ok(get("/orders", customer.token())).body().path("totalItems").asLong()).isEqualTo(1);
        assertProblem(checkout(customer, checkoutBody("COD"), key), 422, null, null);
        assertProblem(call("POST", "/checkout", customer.token(), body), 400, null, null);
    }

    @Test
    void aPriceChangedSinceItWasShownIs409AndTheNextCheckoutGoesThrough() {
        User customer = customer();
        String store = sellingStore();
        Product tea = sellingProduct(store, "tea", 500, 10);
        ok(addToCart(customer.token(), null, tea, "SKU-tea", 2));
        publish(tea, 2, ProductStatus.ACTIVE, "SKU-tea", npr(650));

        Response changed = checkout(customer, checkoutBody("SANDBOX"));

        assertProblem(changed, 409, "cart-changed", null);
        JsonNode change = changed.body().path("changes").get(0);
        assertThat(change.path("kind").asString()).isEqualTo("PRICE_CHANGED");
        assertThat(money(change.path("was"))).isEqualTo(npr(500));
        assertThat(money(change.path("now"))).isEqualTo(npr(650));
        assertThat(ok(get("/orders", customer.token())).body().path("totalItems").asLong()).isZero();
        assertThat(line(ok(cart(customer.token(), null)).body(), tea.id()).path("priceChanged").asBoolean())
                .isFalse();

        Response placed = checkout(customer, checkoutBody("SANDBOX"));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(money(placed.body().path("total"))).isEqualTo(npr(1400));
    }

    @Test
    void anExpectedTotalThatIsNotTheTotalIs409AndTheRightOneGoesThrough() {
        User customer = customer();
        Product tea = sellingProduct(sellingStore(), "tea", 500, 10);
        ok(addToCart(customer.token(), null, tea, "SKU-tea", 1));
        Map<String, Object> body = checkoutBody("SANDBOX");
        body.put("expectedTotal", Map.of("amountMinor", 500, "currency", "NPR"));

        Response changed = checkout(customer, body);

        assertProblem(changed, 409, "cart-changed", null);
        assertThat(changed.body().path("changes").get(0).path("kind").asString()).isEqualTo("TOTAL_CHANGED");
        assertThat(money(changed.body().path("changes").get(0).path("now"))).isEqualTo(npr(600));
        body.put("expectedTotal", Map.of("amountMinor", 600, "currency", "NPR"));
        assertThat(checkout(customer, body).status()).isEqualTo(201);
    }

    @Test
    void unavailableAndShortLinesAre409NamingThem() {
        User customer = customer();
        String store = sellingStore();
        Product tea = sellingProduct(store, "tea", 500, 10);
        Product mug = sellingProduct(store, "mug", 800, 10);
        ok(addToCart(customer.token(), null, tea, "SKU-tea", 5));
        ok(addToCart(customer.token(), null, mug, "SKU-mug", 1));
        stock(tea, "SKU-tea", 2, 2);
        publish(mug, 2, ProductStatus.BANNED, "SKU-mug", npr(800));

        Response changed = checkout(customer, checkoutBody("SANDBOX"));

        assertProblem(changed, 409, "cart-changed", null);
        assertThat(changed.body().path("changes").findValuesAsString("kind"))
                .containsExactlyInAnyOrder("INSUFFICIENT_STOCK", "UNAVAILABLE");
    }

    @Test
    void anEmptyCartMixedCurrenciesAndAStoreThatCannotShipAre422() {
        User customer = customer();
        assertProblem(checkout(customer, checkoutBody("SANDBOX")), 422, "cart-empty", null);

        String store = sellingStore();
        Product tea = sellingProduct(store, "tea", 500, 10);
        Product dollars = productIn(store, "usd");
        publish(dollars, 1, ProductStatus.ACTIVE, "SKU-usd", new Money(700, "USD"));
        stock(dollars, "SKU-usd", 5, 1);
        ok(addToCart(customer.token(), null, tea, "SKU-tea", 1));
        ok(addToCart(customer.token(), null, dollars, "SKU-usd", 1));
        assertProblem(checkout(customer, checkoutBody("SANDBOX")), 422, "mixed-currencies", null);

        User other = customer();
        String remote = storeShippingNowhereHere();
        Product far = sellingProduct(remote, "far", 500, 10);
        ok(addToCart(other.token(), null, far, "SKU-far", 1));
        Response noShipping = checkout(other, checkoutBody("SANDBOX"));
        assertProblem(noShipping, 422, "no-shipping-method", null);
        assertThat(noShipping.body().path("storeId").asString()).isEqualTo(remote);
        assertThat(ok(cart(other.token(), null)).body().path("lineCount").asInt()).isEqualTo(1);
    }

    @Test
    void cashOnDeliveryAndSplitsArePassedOnAndAnImpossibleSplitIs422() {
        User customer = customer();
        Product tea = sellingProduct(sellingStore(), "tea", 900, 10);
        ok(addToCart(customer.token(), null, tea, "SKU-tea", 1));
        Map<String, Object> tooMuchCash = checkoutBody("KHALTI");
        tooMuchCash.put("cashOnDelivery", Map.of("amountMinor", 1000, "currency", "NPR"));
        assertProblem(checkout(customer, tooMuchCash), 422, "invalid-payment-split", null);

        Map<String, Object> split = checkoutBody("KHALTI");
        split.put("cashOnDelivery", Map.of("amountMinor", 400, "currency", "NPR"));
        Response placed = checkout(customer, split);
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.body().path("payment").path("provider").asString()).isEqualTo("KHALTI");
        assertThat(money(placed.body().path("payment").path("cashOnDelivery"))).isEqualTo(npr(400));

        User cod = customer();
        ok(addToCart(cod.token(), null, tea, "SKU-tea", 1));
        Response cash = checkout(cod, checkoutBody("cod"));
        assertThat(cash.body().path("payment").path("provider").asString()).isEqualTo("CASH_ON_DELIVERY");
        assertThat(money(cash.body().path("payment").path("cashOnDelivery"))).isEqualTo(npr(1000));
    }

    @Test
    void anAddressIdIsReadFromIdentityServiceWithTheCustomersToken() {
        User customer = customer();
        UUID addressId = UUID.randomUUID();
        IdentityServiceStub.get().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/me/addresses/" + addressId))
                .withHeader("Authorization", equalTo("Bearer " + customer.token()))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"id": "%s", "recipient": "Hari Thapa", "phone": "+9779811111111", "line1": "Lakeside 4",
                         "line2": null, "city": "Pokhara", "region": "Gandaki", "postalCode": "33700",
                         "country": "NP", "isDefault": true}""".formatted(addressId))));
        UUID foreign = UUID.randomUUID();
        IdentityServiceStub.get().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/me/addresses/" + foreign))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\": \"https://haat.io/problems/not-found\", \"status\": 404}")));
        Product tea = sellingProduct(sellingStore(), "tea", 500, 10);
        ok(addToCart(customer.token(), null, tea, "SKU-tea", 1));

        assertProblem(checkout(customer, Map.of("addressId", foreign.toString(), "paymentMethod", "SANDBOX")), 400,
                "validation", "addressId");
        Response placed = checkout(customer, Map.of("addressId", addressId.toString(), "paymentMethod", "SANDBOX"));

        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        JsonNode address = order(customer, placed.body().path("orderId").asString()).path("address");
        assertThat(address.path("fullName").asString()).isEqualTo("Hari Thapa");
        assertThat(address.path("province").asString()).isEqualTo("Gandaki");
    }

    @Test
    void badInputIsAClear4xxNeverA500() {
        User customer = customer();
        Product tea = sellingProduct(sellingStore(), "tea", 500, 10);
        ok(addToCart(customer.token(), null, tea, "SKU-tea", 1));
        Map<String, Object> both = checkoutBody("SANDBOX");
        both.put("addressId", UUID.randomUUID().toString());
        assertProblem(checkout(customer, both), 400, "validation", "address");
        assertProblem(checkout(customer, Map.of("paymentMethod", "SANDBOX")), 400, "validation", "address");
        assertProblem(checkout(customer, checkoutBody("BITCOIN")), 400, "validation", "paymentMethod");
        Map<String, Object> noCountry = checkoutBody("SANDBOX");
        Map<String, Object> address = new LinkedHashMap<>(inlineAddress());
        address.put("country", "Nepal");
        noCountry.put("address", address);
        assertProblem(checkout(customer, noCountry), 400, "validation", "address.country");
        Map<String, Object> negative = checkoutBody("SANDBOX");
        negative.put("cashOnDelivery", Map.of("amountMinor", -5, "currency", "NPR"));
        assertProblem(checkout(customer, negative), 400, "validation", "cashOnDelivery");
        Map<String, Object> badCurrency = checkoutBody("SANDBOX");
        badCurrency.put("expectedTotal", Map.of("amountMinor", 5, "currency", "XYZW"));
        assertThat(checkout(customer, badCurrency).status()).isEqualTo(400);
        assertThat(checkout(customer, "{\"paymentMethod\": ").status()).isEqualTo(400);
        assertThat(checkout(customer, List.of(1, 2)).status()).isEqualTo(400);
        assertThat(ok(cart(customer.token(), null)).body().path("lineCount").asInt()).isEqualTo(1);
    }

    @Test
    void aCustomerHoldsAtMostThreeUnpaidOrdersAndFiftyUnits() {
        User customer = customer();
        String store = sellingStore();
        Product tea = sellingProduct(store, "tea", 100, 500);
        for (int i = 0; i < 3; i++) {
            placeOrder(customer, "SANDBOX", tea);
        }
        ok(addToCart(customer.token(), null, tea, "SKU-tea", 1));
        assertProblem(checkout(customer, checkoutBody("SANDBOX")), 422, "unpaid-orders-limit", null);

        User bulk = customer();
        ok(addToCart(bulk.token(), null, tea, "SKU-tea", 51));
        assertProblem(checkout(bulk, checkoutBody("SANDBOX")), 422, "unpaid-units-limit", null);
    }
}
