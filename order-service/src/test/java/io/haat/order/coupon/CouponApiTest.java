package io.haat.order.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Coupons over HTTP with real JWTs: sellers' and admins' coupons, and codes on a customer's cart. */
class CouponApiTest extends CouponIntegrationTest {

    @Test
    void aSellerCreatesReplacesListsAndDisablesTheirStoresCoupons() {
        User seller = user("SELLER");
        String store = storeOf(seller);

        Response created = putStoreCoupon(seller, store, "save10", couponBody("PERCENTAGE", 10, "usageLimit", 100,
                "perCustomerLimit", 1));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("code").asString()).isEqualTo("SAVE10");
        assertThat(created.body().path("storeId").asString()).isEqualTo(store);
        assertThat(created.body().path("used").asInt()).isZero();
        assertThat(created.body().path("active").asBoolean()).isTrue();

        Response replaced = putStoreCoupon(seller, store, "Save10", couponBody("FIXED", 500, "currency", "NPR",
                "minSubtotal", Map.of("amountMinor", 2_000, "currency", "NPR")));
        assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
        assertThat(replaced.body().path("type").asString()).isEqualTo("FIXED");
        assertThat(replaced.body().path("minSubtotal").path("amountMinor").asLong()).isEqualTo(2_000);
        assertThat(replaced.body().path("usageLimit").isNull()).isTrue();

        putStoreCoupon(seller, store, "SHIPFREE", couponBody("FREE_SHIPPING", null));
        JsonNode page = ok(get("/stores/" + store + "/coupons?size=1", seller.token())).body();
        assertThat(page.path("totalItems").asLong()).isEqualTo(2);
        assertThat(page.path("items")).singleElement()
                .satisfies(coupon -> assertThat(coupon.path("code").asString()).isEqualTo("SAVE10"));
        assertThat(ok(get("/stores/" + store + "/coupons/save10", seller.token())).body()).isEqualTo(replaced.body());

        assertThat(delete("/stores/" + store + "/coupons/save10", seller.token()).status()).isEqualTo(204);
        assertThat(delete("/stores/" + store + "/coupons/save10", seller.token()).status()).isEqualTo(204);
        assertThat(ok(get("/stores/" + store + "/coupons/SAVE10", seller.token())).body().path("active").asBoolean())
                .isFalse();
        assertProblem(delete("/stores/" + store + "/coupons/NOPE1", seller.token()), 404, "coupon-not-found", null);

        // a code is unique per store only
        User other = user("SELLER");
        assertThat(putStoreCoupon(other, storeOf(other), "SAVE10", couponBody("PERCENTAGE", 5)).status())
                .isEqualTo(201);
    }

    @Test
    void storeCouponsAreForTheStoresOwnerOnly() {
        User seller = user("SELLER");
        String store = storeOf(seller);
        String path = "/stores/" + store + "/coupons";
        Map<String, Object> body = couponBody("PERCENTAGE", 10);
        ok(putStoreCoupon(seller, store, "MINE10", body));

        assertProblem(put(path + "/MINE10", null, body), 401, null, null);
        assertProblem(get(path, null), 401, null, null);
        assertProblem(put(path + "/MINE10", customer().token(), body), 403, null, null);
        assertProblem(get(path, customer().token()), 403, null, null);
        assertProblem(put(path + "/MINE10", user("ADMIN").token(), body), 403, null, null);

        User stranger = user("SELLER");
        storeOf(stranger);
        assertProblem(put(path + "/MINE10", stranger.token(), body), 404, "store-not-found", null);
        assertProblem(get(path, stranger.token()), 404, "store-not-found", null);
        assertProblem(get(path + "/MINE10", stranger.token()), 404, "store-not-found", null);
        assertProblem(delete(path + "/MINE10", stranger.token()), 404, "store-not-found", null);
        assertProblem(get("/stores/no-such-store/coupons", seller.token()), 404, "store-not-found", null);
        assertThat(ok(get(path + "/MINE10", seller.token())).body().path("active").asBoolean()).isTrue();
    }

    @Test
    void siteWideCouponsAreForAdmins() {
        String code = code("SITE");
        Map<String, Object> body = couponBody("FIXED", 1_000, "currency", "NPR", "usageLimit", 50);

        assertProblem(put("/admin/coupons/" + code, null, body), 401, null, null);
        assertProblem(put("/admin/coupons/" + code, customer().token(), body), 403, null, null);
        assertProblem(put("/admin/coupons/" + code, user("SELLER").token(), body), 403, null, null);
        assertProblem(get("/admin/coupons", customer().token()), 403, null, null);
        assertProblem(delete("/admin/coupons/" + code, customer().token()), 403, null, null);

        String admin = user("ADMIN").token();
        Response created = put("/admin/coupons/" + code.toLowerCase(), admin, body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("storeId").isNull()).isTrue();
        assertThat(put("/admin/coupons/" + code, admin, body).status()).isEqualTo(200);
        assertThat(ok(get("/admin/coupons/" + code, admin)).body().path("usageLimit").asInt()).isEqualTo(50);
        assertThat(ok(get("/admin/coupons?size=100", admin)).body().path("totalItems").asLong()).isPositive();
        assertThat(delete("/admin/coupons/" + code, admin).status()).isEqualTo(204);
        assertThat(ok(get("/admin/coupons/" + code, admin)).body().path("active").asBoolean()).isFalse();
        assertProblem(get("/admin/coupons/" + code("NONE"), admin), 404, "coupon-not-found", null);
    }

    @Test
    void badCouponsAreValidationProblemsNamingTheField() {
        User seller = user("SELLER");
        String store = storeOf(seller);

        assertProblem(putStoreCoupon(seller, store, "BAD1", couponBody("PERCENTAGE", 150)), 400, "validation", "value");
        assertProblem(putStoreCoupon(seller, store, "BAD1", couponBody("PERCENTAGE", null)), 400, "validation", "value");
        assertProblem(putStoreCoupon(seller, store, "BAD1", couponBody("FIXED", 100)), 400, "validation", "currency");
        assertProblem(putStoreCoupon(seller, store, "BAD1", couponBody("FIXED", 0, "currency", "NPR")), 400,
                "validation", "value");
        assertProblem(putStoreCoupon(seller, store, "BAD1", couponBody("FIXED", 100, "currency", "XYZ1")), 400,
                "validation", "currency");
        assertProblem(putStoreCoupon(seller, store, "BAD1", couponBody("FREE_SHIPPING", 10)), 400, "validation",
                "value");
        assertProblem(putStoreCoupon(seller, store, "BAD1", couponBody(null, 10)), 400, "validation", "type");
        assertProblem(putStoreCoupon(seller, store, "BAD1", couponBody("PERCENTAGE", 10, "usageLimit", 0)), 400,
                "validation", "usageLimit");
        assertProblem(putStoreCoupon(seller, store, "BAD1", couponBody("PERCENTAGE", 10, "perCustomerLimit", -1)),
                400, "validation", "perCustomerLimit");
        assertProblem(putStoreCoupon(seller, store, "BAD1", couponBody("FIXED", 100, "currency", "NPR",
                "minSubtotal", Map.of("amountMinor", 100, "currency", "USD"))), 400, "validation",
                "minSubtotal.currency");
        assertProblem(putStoreCoupon(seller, store, "BAD1", couponBody("PERCENTAGE", 10,
                "startsAt", "2026-03-02T00:00:00Z", "endsAt", "2026-03-01T00:00:00Z")), 400, "validation", "endsAt");
        assertProblem(putStoreCoupon(seller, store, "A!B", couponBody("PERCENTAGE", 10)), 400, "validation", "code");
        assertProblem(putStoreCoupon(seller, store, "AB", couponBody("PERCENTAGE", 10)), 400, "validation", "code");
        assertProblem(putStoreCoupon(seller, store, "X".repeat(33), couponBody("PERCENTAGE", 10)), 400, "validation",
                "code");
        assertThat(putStoreCoupon(seller, store, "BAD1", couponBody("BOGUS", 10)).status()).isEqualTo(400);
        assertThat(put("/stores/" + store + "/coupons/BAD1", seller.token(), "{not json").status()).isEqualTo(400);
        assertProblem(get("/stores/" + store + "/coupons?size=1000", seller.token()), 400, "validation", "size");
        assertProblem(get("/stores/" + store + "/coupons/BAD1", seller.token()), 404, "coupon-not-found", null);
    }

    @Test
    void codesOnTheCartShowTheirDiscountOneStoreCouponPerStoreAndOneSiteCoupon() {
        User sellerA = user("SELLER");
        String storeA = storeOf(sellerA);
        Product tea = onSaleIn(storeA, "Ilam tea", "TEA-250", 45_000, 10);
        Product mug = onSaleIn(storeOf(user("SELLER")), "Clay mug", "MUG-1", 12_500, 10);
        User customer = customer();
        ok(addToCart(customer.token(), null, tea, "TEA-250", 2));
        ok(addToCart(customer.token(), null, mug, "MUG-1", 1));
        ok(putStoreCoupon(sellerA, storeA, "TEA10", couponBody("PERCENTAGE", 10)));
        ok(putStoreCoupon(sellerA, storeA, "TEAFIX", couponBody("FIXED", 1_000, "currency", "NPR")));
        String site = code("SITE");
        ok(putSiteCoupon(site, couponBody("PERCENTAGE", 5)));

        JsonNode cart = ok(applyCoupon(customer, "tea10")).body();
        assertThat(cart.path("subtotal").path("amountMinor").asLong()).isEqualTo(102_500);
        assertThat(cart.path("discount").path("amountMinor").asLong()).isEqualTo(9_000);
        assertThat(cart.path("total").path("amountMinor").asLong()).isEqualTo(93_500);
        assertThat(cart.path("discount").path("currency").asString()).isEqualTo("NPR");
        assertThat(cart.path("items")).hasSize(2);
        assertThat(cart.path("items").get(0).path("sku").asString()).isEqualTo("TEA-250");
        assertThat(cart.path("items").get(0).path("unitPrice").path("amountMinor").asLong()).isEqualTo(45_000);
        assertThat(cart.path("coupons")).singleElement().satisfies(coupon -> {
            assertThat(coupon.path("code").asString()).isEqualTo("TEA10");
            assertThat(coupon.path("storeId").asString()).isEqualTo(storeA);
            assertThat(coupon.path("type").asString()).isEqualTo("PERCENTAGE");
        });
        assertThat(ok(cart(customer.token(), null)).body()).isEqualTo(cart);

        // another code of the same store replaces the first
        cart = ok(applyCoupon(customer, "TEAFIX")).body();
        assertThat(cart.path("couponCodes").valueStream().map(JsonNode::asString)).containsExactly("TEAFIX");
        assertThat(cart.path("discount").path("amountMinor").asLong()).isEqualTo(1_000);

        // the site coupon comes on top, on what the store coupon left: 5% of 101_500
        cart = ok(applyCoupon(customer, site)).body();
        assertThat(cart.path("coupons")).hasSize(2);
        assertThat(cart.path("discount").path("amountMinor").asLong()).isEqualTo(1_000 + 5_075);
        assertThat(cart.path("total").path("amountMinor").asLong()).isEqualTo(102_500 - 6_075);

        cart = ok(call("DELETE", "/cart/coupon?code=teafix", customer.token(), null)).body();
        assertThat(cart.path("couponCodes").valueStream().map(JsonNode::asString)).containsExactly(site);
        assertThat(cart.path("discount").path("amountMinor").asLong()).isEqualTo(5_125);

        cart = ok(call("DELETE", "/cart/coupon", customer.token(), null)).body();
        assertThat(cart.path("couponCodes")).isEmpty();
        assertThat(cart.path("coupons")).isEmpty();
        assertThat(cart.path("discount").path("amountMinor").asLong()).isZero();
        assertThat(cart.path("total").path("amountMinor").asLong()).isEqualTo(102_500);
    }

    @Test
    void aCodeThatDoesNotApplyToTheCartIsRefusedWithA422() {
        User seller = user("SELLER");
        String store = storeOf(seller);
        Product tea = onSaleIn(store, "Ilam tea", "TEA-250", 45_000, 10);
        User customer = customer();
        ok(addToCart(customer.token(), null, tea, "TEA-250", 1));
        User otherSeller = user("SELLER");
        String otherStore = storeOf(otherSeller);
        ok(putStoreCoupon(otherSeller, otherStore, "ELSEWHERE", couponBody("PERCENTAGE", 10)));
        ok(putStoreCoupon(seller, store, "OFF", couponBody("PERCENTAGE", 10, "active", false)));
        ok(putStoreCoupon(seller, store, "OLD", couponBody("PERCENTAGE", 10,
                "endsAt", clock.instant().minus(Duration.ofHours(1)).toString())));
        ok(putStoreCoupon(seller, store, "SOON", couponBody("PERCENTAGE", 10,
                "startsAt", clock.instant().plus(Duration.ofDays(1)).toString())));
        ok(putStoreCoupon(seller, store, "BIGSPEND", couponBody("PERCENTAGE", 10,
                "minSubtotal", Map.of("amountMinor", 1_000_000, "currency", "NPR"))));
        ok(putStoreCoupon(seller, store, "DOLLARS", couponBody("FIXED", 100, "currency", "USD")));
        ok(putStoreCoupon(seller, store, "ONCE", couponBody("PERCENTAGE", 10, "usageLimit", 1)));
        jdbc.sql("UPDATE coupon SET used = 1 WHERE store_id = ? AND code = 'ONCE'").param(store).update();

        assertProblem(applyCoupon(customer, "NOSUCHCODE"), 422, "coupon-not-applicable", null);
        assertProblem(applyCoupon(customer, "ELSEWHERE"), 422, "coupon-not-applicable", null);
        assertProblem(applyCoupon(customer, "OFF"), 422, "coupon-not-applicable", null);
        assertProblem(applyCoupon(customer, "OLD"), 422, "coupon-expired", null);
        assertProblem(applyCoupon(customer, "SOON"), 422, "coupon-not-applicable", null);
        assertProblem(applyCoupon(customer, "BIGSPEND"), 422, "coupon-not-applicable", null);
        assertProblem(applyCoupon(customer, "DOLLARS"), 422, "coupon-not-applicable", null);
        Response exhausted = applyCoupon(customer, "once");
        assertProblem(exhausted, 422, "coupon-exhausted", null);
        assertThat(exhausted.body().path("code").asString()).isEqualTo("ONCE");
        assertProblem(post("/cart/coupon", customer.token(), Map.of()), 400, "validation", "code");
        assertProblem(post("/cart/coupon", customer.token(), Map.of("code", "a")), 400, "validation", "code");
        assertThat(ok(cart(customer.token(), null)).body().path("couponCodes")).isEmpty();
    }

    @Test
    void aCodeThatStopsApplyingStaysOnTheCartButTakesNothingOff() {
        User seller = user("SELLER");
        String store = storeOf(seller);
        Product tea = onSaleIn(store, "Ilam tea", "TEA-250", 45_000, 10);
        User customer = customer();
        ok(addToCart(customer.token(), null, tea, "TEA-250", 1));
        ok(putStoreCoupon(seller, store, "GONE", couponBody("PERCENTAGE", 20)));
        assertThat(ok(applyCoupon(customer, "GONE")).body().path("discount").path("amountMinor").asLong())
                .isEqualTo(9_000);

        assertThat(delete("/stores/" + store + "/coupons/GONE", seller.token()).status()).isEqualTo(204);

        JsonNode cart = ok(cart(customer.token(), null)).body();
        assertThat(cart.path("couponCodes").valueStream().map(JsonNode::asString)).containsExactly("GONE");
        assertThat(cart.path("coupons")).isEmpty();
        assertThat(cart.path("discount").path("amountMinor").asLong()).isZero();
    }

    @Test
    void aBadTokenIs401AndAWrongRoleIs403BeforeTheBodyIsRead() {
        User seller = user("SELLER");
        String store = storeOf(seller);
        String garbage = "garbage";
        String expired = JWTS.builder().subject(seller.id()).roles("SELLER")
                .expiresAt(java.time.Instant.now().minusSeconds(600)).sign();
        for (String token : new String[] {garbage, expired}) {
            assertProblem(put("/stores/" + store + "/coupons/X10", token, couponBody("PERCENTAGE", 10)), 401, null, null);
            assertProblem(get("/admin/coupons", token), 401, null, null);
            assertProblem(post("/cart/coupon", token, Map.of("code", "X10")), 401, null, null);
        }
        assertProblem(put("/stores/" + store + "/coupons/X10", customer().token(), "{\"type\": "), 403, "forbidden",
                null);
        assertProblem(put("/admin/coupons/X10", seller.token(), Map.of("value", -5)), 403, "forbidden", null);
        assertProblem(post("/cart/coupon", seller.token(), "{\"code\": "), 403, "forbidden", null);
    }

    @Test
    void onlySignedInCustomersUseCoupons() {
        Product tea = onSale("Ilam tea", "TEA-250", 45_000, 10);
        Response guest = addToCart(null, null, tea, "TEA-250", 1);
        String token = guest.header(CART_TOKEN);

        assertProblem(call("POST", "/cart/coupon", null, Map.of("code", "ANY10"), CART_TOKEN, token), 401, null, null);
        assertProblem(call("DELETE", "/cart/coupon", null, null, CART_TOKEN, token), 401, null, null);
        assertProblem(post("/cart/coupon", user("SELLER").token(), Map.of("code", "ANY10")), 403, null, null);
        assertProblem(post("/cart/coupon", user("ADMIN").token(), Map.of("code", "ANY10")), 403, null, null);
        // the guest's cart view shows no coupons
        JsonNode cart = ok(cart(null, token)).body();
        assertThat(cart.path("couponCodes")).isEmpty();
        assertThat(cart.path("discount").path("amountMinor").asLong()).isZero();
        assertThat(cart.path("subtotal").path("amountMinor").asLong()).isEqualTo(45_000);
    }
}
