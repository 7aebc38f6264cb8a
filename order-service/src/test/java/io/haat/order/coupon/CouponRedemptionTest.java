package io.haat.order.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.order.pricing.CouponRedemptions;
import io.haat.order.pricing.Discounts;
import io.haat.order.pricing.SellerOrderDiscount;
import io.haat.order.pricing.SellerOrderDraft;
import io.haat.platform.web.ProblemException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checkout's side of coupons ({@link CouponRedemptions}): uses consumed under concurrency, per-customer limits,
 * refusals rolling everything back, uses given back once, and a preview that consumes nothing.
 */
class CouponRedemptionTest extends CouponIntegrationTest {

    @Autowired
    CouponRedemptions redemptions;

    @Test
    void fiftyCustomersRacingForTenUsesGetExactlyTen() throws Exception {
        String code = siteCoupon(couponBody("PERCENTAGE", 10, "usageLimit", 10));
        List<SellerOrderDraft> drafts = drafts("store-race", 10_000, 0);
        List<Callable<String>> checkouts = new ArrayList<>();
        List<UUID> carts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID customer = UUID.randomUUID();
            UUID cart = customerCart(customer);
            putOnCart(cart, null, code);
            carts.add(cart);
            String order = "order-" + UUID.randomUUID();
            checkouts.add(() -> {
                Discounts discounts = redemptions.redeem(order, customer.toString(), cart, drafts);
                return "ok " + discounts.sellerOrders().getFirst().platformFunded().amountMinor();
            });
        }

        List<String> outcomes = race(checkouts);

        assertThat(outcomes.stream().filter(o -> o.equals("ok 1000"))).hasSize(10);
        assertThat(outcomes.stream().filter(o -> o.equals("coupon-exhausted"))).hasSize(40);
        assertThat(used(null, code)).isEqualTo(10);
        assertThat(redemptionCount(code, "CONSUMED")).isEqualTo(10);
        // the winners' codes left their carts; the losers' stayed (their transactions rolled back)
        assertThat(carts.stream().filter(cart -> redemptions.codesOf(cart).isEmpty())).hasSize(10);
    }

    @Test
    void aCustomersOwnLimitHoldsUnderARace() throws Exception {
        String code = siteCoupon(couponBody("FIXED", 500, "currency", "NPR", "perCustomerLimit", 2));
        String customer = UUID.randomUUID().toString();
        List<SellerOrderDraft> drafts = drafts("store-limit", 10_000, 0);
        List<Callable<String>> checkouts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID cart = guestLikeCart();          // one customer checking out ten carts at once
            putOnCart(cart, null, code);
            String order = "order-" + UUID.randomUUID();
            checkouts.add(() -> {
                redemptions.redeem(order, customer, cart, drafts);
                return "ok";
            });
        }

        List<String> outcomes = race(checkouts);

        assertThat(outcomes.stream().filter("ok"::equals)).hasSize(2);
        assertThat(outcomes.stream().filter("coupon-limit-reached"::equals)).hasSize(8);
        assertThat(used(null, code)).isEqualTo(2);
        assertThat(jdbc.sql("""
                        SELECT u.used FROM coupon_customer_use u JOIN coupon c ON c.id = u.coupon_id
                        WHERE c.code = ? AND c.store_id IS NULL AND u.customer_id = ?""")
                .params(code, customer).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void checkoutsNamingTheSameStoresInEitherOrderAllSucceed() throws Exception {
        User sellerA = user("SELLER");
        String storeA = storeOf(sellerA);
        User sellerB = user("SELLER");
        String storeB = storeOf(sellerB);
        ok(putStoreCoupon(sellerA, storeA, "BOTH", couponBody("PERCENTAGE", 10)));
        ok(putStoreCoupon(sellerB, storeB, "BOTH", couponBody("PERCENTAGE", 20)));
        SellerOrderDraft a = new SellerOrderDraft("so-a", storeA, List.of(line("A-1", 1_000)), npr(0));
        SellerOrderDraft b = new SellerOrderDraft("so-b", storeB, List.of(line("B-1", 1_000)), npr(0));
        List<Callable<String>> checkouts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID customer = UUID.randomUUID();
            UUID cart = customerCart(customer);
            putOnCart(cart, storeA, "BOTH");
            putOnCart(cart, storeB, "BOTH");
            List<SellerOrderDraft> drafts = i % 2 == 0 ? List.of(a, b) : List.of(b, a);
            checkouts.add(() -> {
                Discounts discounts = redemptions.redeem("order-" + UUID.randomUUID(), customer.toString(), cart,
                        drafts);
                return "ok " + discounts.coupons().size();
            });
        }

        assertThat(race(checkouts)).containsOnly("ok 2");
        assertThat(used(storeA, "BOTH")).isEqualTo(20);
        assertThat(used(storeB, "BOTH")).isEqualTo(20);
    }

    @Test
    void givingBackReturnsAnOrdersUsesOnce() {
        String code = siteCoupon(couponBody("PERCENTAGE", 10, "usageLimit", 5, "perCustomerLimit", 1));
        List<SellerOrderDraft> drafts = drafts("store-back", 10_000, 0);
        String alice = UUID.randomUUID().toString();
        redeemWith(code, "order-a-" + alice, alice, drafts);
        redeemWith(code, "order-b-" + alice, UUID.randomUUID().toString(), drafts);
        assertThat(used(null, code)).isEqualTo(2);
        assertThatThrownBy(() -> redeemWith(code, "order-c-" + alice, alice, drafts))
                .satisfies(e -> assertThat(type(e)).isEqualTo("coupon-limit-reached"));

        redemptions.giveBack("order-a-" + alice);
        redemptions.giveBack("order-a-" + alice);
        redemptions.giveBack("order-never-placed");

        assertThat(used(null, code)).isEqualTo(1);
        assertThat(redemptionCount(code, "RETURNED")).isEqualTo(1);
        assertThat(redemptionCount(code, "CONSUMED")).isEqualTo(1);
        // Alice's use came back with it: she may use the coupon again
        redeemWith(code, "order-d-" + alice, alice, drafts);
        assertThat(used(null, code)).isEqualTo(2);
    }

    @Test
    void aCodeThatCannotBeUsedRefusesTheWholeRedemptionAndConsumesNothing() {
        User seller = user("SELLER");
        String store = storeOf(seller);
        ok(putStoreCoupon(seller, store, "STORE5", couponBody("FIXED", 500, "currency", "NPR")));
        String site = siteCoupon(couponBody("PERCENTAGE", 10, "usageLimit", 1));
        jdbc.sql("UPDATE coupon SET used = 1 WHERE code = ? AND store_id IS NULL").param(site).update();
        UUID customer = UUID.randomUUID();
        UUID cart = customerCart(customer);
        putOnCart(cart, store, "STORE5");
        putOnCart(cart, null, site);
        String order = "order-" + UUID.randomUUID();

        assertThatThrownBy(() -> redemptions.redeem(order, customer.toString(), cart, drafts(store, 10_000, 0)))
                .satisfies(e -> assertThat(type(e)).isEqualTo("coupon-exhausted"));

        assertThat(used(store, "STORE5")).isZero();
        assertThat(redemptions.codesOf(cart)).containsExactlyInAnyOrder("STORE5", site);
        assertThat(jdbc.sql("SELECT count(*) FROM coupon_redemption WHERE order_id = ?").param(order)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCouponThatEndedOrWhoseStoreLeftTheOrderIsRefusedAtCheckout() {
        String ended = siteCoupon(couponBody("PERCENTAGE", 10));
        UUID customer = UUID.randomUUID();
        UUID cart = customerCart(customer);
        putOnCart(cart, null, ended);
        jdbc.sql("UPDATE coupon SET ends_at = ? WHERE code = ? AND store_id IS NULL")
                .params(Timestamp.from(clock.instant().minus(Duration.ofMinutes(1))), ended).update();
        assertThatThrownBy(() -> redemptions.redeem("o-" + UUID.randomUUID(), customer.toString(), cart,
                drafts("store-x", 1_000, 0))).satisfies(e -> assertThat(type(e)).isEqualTo("coupon-expired"));

        User seller = user("SELLER");
        String store = storeOf(seller);
        ok(putStoreCoupon(seller, store, "ONLYHERE", couponBody("PERCENTAGE", 10)));
        UUID other = customerCart(UUID.randomUUID());
        putOnCart(other, store, "ONLYHERE");
        assertThatThrownBy(() -> redemptions.redeem("o-" + UUID.randomUUID(), UUID.randomUUID().toString(), other,
                drafts("another-store", 1_000, 0))).satisfies(e -> assertThat(type(e))
                .isEqualTo("coupon-not-applicable"));
    }

    @Test
    void redeemPricesWhatThePreviewShowedRecordsWhoFundsItAndLeavesTheCart() {
        User seller = user("SELLER");
        String store = storeOf(seller);
        ok(putStoreCoupon(seller, store, "TAKE1000", couponBody("FIXED", 1_000, "currency", "NPR")));
        String site = siteCoupon(couponBody("FREE_SHIPPING", null));
        UUID customer = UUID.randomUUID();
        UUID cart = customerCart(customer);
        putOnCart(cart, store, "TAKE1000");
        putOnCart(cart, null, site);
        List<SellerOrderDraft> drafts = List.of(
                new SellerOrderDraft("so-1", store, List.of(line("TEA", 3_000), line("MUG", 1_000)), npr(300)),
                new SellerOrderDraft("so-2", "store-" + UUID.randomUUID(), List.of(line("POT", 2_000)), npr(200)));

        Discounts preview = redemptions.preview(customer.toString(), redemptions.codesOf(cart), drafts);
        assertThat(used(store, "TAKE1000")).isZero();
        assertThat(used(null, site)).isZero();

        String order = "order-" + UUID.randomUUID();
        Discounts redeemed = redemptions.redeem(order, customer.toString(), cart, drafts);

        assertThat(redeemed).isEqualTo(preview);
        SellerOrderDiscount first = redeemed.sellerOrders().get(0);
        assertThat(first.sellerFunded()).isEqualTo(npr(1_000));
        assertThat(first.platformFunded()).isEqualTo(npr(300));
        assertThat(first.lines()).isEqualTo(Map.of("TEA", npr(750), "MUG", npr(250)));
        assertThat(first.shipping()).isEqualTo(npr(300));
        assertThat(redeemed.sellerOrders().get(1).platformFunded()).isEqualTo(npr(200));
        assertThat(redeemed.sellerOrders().get(1).sellerFunded()).isEqualTo(npr(0));
        assertThat(used(store, "TAKE1000")).isEqualTo(1);
        assertThat(used(null, site)).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT c.code, r.amount_minor FROM coupon_redemption r JOIN coupon c ON c.id = r.coupon_id
                        WHERE r.order_id = ? ORDER BY r.amount_minor""").param(order)
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list())
                .containsExactly(site + "=500", "TAKE1000=1000");
        assertThat(redemptions.codesOf(cart)).isEmpty();

        Discounts none = redemptions.redeem("order-" + UUID.randomUUID(), customer.toString(), cart, drafts);
        assertThat(none.coupons()).isEmpty();
        assertThat(none.sellerOrders()).extracting(SellerOrderDiscount::total).containsExactly(npr(0), npr(0));
    }

    @Test
    void aCouponsLimitCannotBeSetBelowTheUsesAlreadyMade() {
        String code = siteCoupon(couponBody("PERCENTAGE", 10, "usageLimit", 5));
        List<SellerOrderDraft> drafts = drafts("store-lim", 1_000, 0);
        redeemWith(code, "order-" + UUID.randomUUID(), UUID.randomUUID().toString(), drafts);
        redeemWith(code, "order-" + UUID.randomUUID(), UUID.randomUUID().toString(), drafts);

        assertProblem(putSiteCoupon(code, couponBody("PERCENTAGE", 10, "usageLimit", 1)), 400, "validation",
                "usageLimit");
        Response lowered = putSiteCoupon(code, couponBody("PERCENTAGE", 10, "usageLimit", 2));
        assertThat(lowered.status()).isEqualTo(200);
        assertThat(lowered.body().path("used").asInt()).isEqualTo(2);
    }

    // --- helpers

    private String siteCoupon(Map<String, Object> body) {
        String code = code("C");
        ok(putSiteCoupon(code, body));
        return code;
    }

    private void redeemWith(String siteCode, String order, String customer, List<SellerOrderDraft> drafts) {
        UUID cart = guestLikeCart();
        putOnCart(cart, null, siteCode);
        redemptions.redeem(order, customer, cart, drafts);
    }

    private UUID customerCart(UUID customer) {
        UUID cart = UUID.randomUUID();
        jdbc.sql("INSERT INTO cart (id, customer_id, version, created_at, updated_at) VALUES (?, ?, 0, ?, ?)")
                .params(cart, customer, Timestamp.from(clock.instant()), Timestamp.from(clock.instant())).update();
        return cart;
    }

    /** A cart row without a customer, so one customer can hold several carts' codes at once. */
    private UUID guestLikeCart() {
        UUID cart = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO cart (id, token_hash, version, created_at, updated_at, expires_at)
                        VALUES (?, ?, 0, ?, ?, ?)""")
                .params(cart, UUID.randomUUID().toString(), Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()), Timestamp.from(clock.instant().plus(Duration.ofDays(1))))
                .update();
        return cart;
    }

    private void putOnCart(UUID cart, String storeId, String code) {
        jdbc.sql("""
                        INSERT INTO cart_coupon (cart_id, scope, code, coupon_id, applied_at)
                        SELECT ?, coalesce(store_id, ''), code, id, ? FROM coupon
                        WHERE code = ? AND store_id IS NOT DISTINCT FROM ?""")
                .params(cart, Timestamp.from(clock.instant()), code, storeId).update();
    }

    private int used(String storeId, String code) {
        return jdbc.sql("SELECT used FROM coupon WHERE code = ? AND store_id IS NOT DISTINCT FROM ?")
                .params(code, storeId).query(Integer.class).single();
    }

    private long redemptionCount(String code, String state) {
        return jdbc.sql("""
                        SELECT count(*) FROM coupon_redemption r JOIN coupon c ON c.id = r.coupon_id
                        WHERE c.code = ? AND c.store_id IS NULL AND r.state = ?""")
                .params(code, state).query(Long.class).single();
    }

    /** Runs the calls at once (released together); each answers "ok…" or the slug of the problem it threw. */
    private static List<String> race(List<Callable<String>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return call.call();
                    } catch (ProblemException e) {
                        return type(e);
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }

    private static String type(Throwable e) {
        assertThat(e).isInstanceOf(ProblemException.class);
        String type = ((ProblemException) e).type().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private static List<SellerOrderDraft> drafts(String storeId, long amount, long shipping) {
        return List.of(new SellerOrderDraft("so-1", storeId, List.of(line("SKU-1", amount)), npr(shipping)));
    }

    private static SellerOrderDraft.Line line(String sku, long amount) {
        return new SellerOrderDraft.Line(sku, "p-" + sku, sku, 1, npr(amount));
    }
}
