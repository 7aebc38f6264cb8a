package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10 through the gateway: two sellers' products in one cart, a store coupon, checkout, the sandbox payment,
 * the order CONFIRMED with one seller order per store, the stock committed in seller-service, and each seller seeing
 * only their own part; another customer cannot see the order.
 */
class OrderJourneyIT {

    private static final long STEAMER_PRICE = 120_000;
    private static final long SCARF_PRICE = 350_000;
    private static final long MOMO_SHIPPING = 10_000;
    private static final long PASHMINA_SHIPPING = 15_000;

    @Test
    void twoSellersOneCartCouponCheckoutSandboxPaymentConfirmedStockDownEachSellerSeesOnlyTheirs() {
        String category = Sellers.category("E2E Orders");
        Sellers.Store momo = Sellers.approvedWithStore("E2E Momo House");
        Sellers.Store pashmina = Sellers.approvedWithStore("E2E Pashmina");
        Sellers.Listed steamer = Sellers.listAndStock(momo, category, "Momo steamer", STEAMER_PRICE, 10);
        Sellers.Listed scarf = Sellers.listAndStock(pashmina, category, "Pashmina scarf", SCARF_PRICE, 5);
        Sellers.flatShipping(momo, MOMO_SHIPPING);
        Sellers.flatShipping(pashmina, PASHMINA_SHIPPING);
        String coupon = "MOMO10" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Sellers.percentCoupon(momo, coupon, 10);

        Accounts.Account customer = Accounts.newVerified("CUSTOMER");
        String token = customer.accessToken();
        Shopping.addWhenPurchasable(token, steamer, 2);
        Shopping.addWhenPurchasable(token, scarf, 1);
        HttpResponse<String> discounted = Shopping.applyCoupon(token, coupon);
        assertThat(discounted.statusCode()).as(discounted.body()).isEqualTo(200);

        String orderId = Shopping.checkout(token);
        JsonNode awaiting = Shopping.awaitStatus(token, orderId, "AWAITING_PAYMENT");
        long momoDiscount = 2 * STEAMER_PRICE / 10; // the store coupon: 10 % of that store's lines only
        long expectedTotal = 2 * STEAMER_PRICE - momoDiscount + MOMO_SHIPPING + SCARF_PRICE + PASHMINA_SHIPPING;
        assertThat(Shopping.minor(awaiting.get("total"))).as(awaiting.toString()).isEqualTo(expectedTotal);

        JsonNode payment = Shopping.pay(token, orderId);
        assertThat(payment.get("status").asString()).as(payment.toString()).isEqualTo("CAPTURED");
        JsonNode order = Shopping.awaitStatus(token, orderId, "CONFIRMED");

        assertThat(order.get("sellerOrders")).hasSize(2);
        JsonNode momoPart = Shopping.sellerOrderOf(order, momo.storeId());
        JsonNode pashminaPart = Shopping.sellerOrderOf(order, pashmina.storeId());
        for (JsonNode part : new JsonNode[] {momoPart, pashminaPart}) {
            assertThat(part.get("status").asString()).as(part.toString()).isEqualTo("CONFIRMED");
        }
        assertThat(Shopping.minor(momoPart.get("discount"))).isEqualTo(momoDiscount);
        assertThat(Shopping.minor(pashminaPart.get("discount"))).isZero();
        assertThat(Shopping.minor(momoPart.get("shipping"))).isEqualTo(MOMO_SHIPPING);
        assertThat(Shopping.minor(pashminaPart.get("shipping"))).isEqualTo(PASHMINA_SHIPPING);
        assertThat(momoPart.get("items").toString()).contains(steamer.sku()).doesNotContain(scarf.sku());

        await("stock committed in seller-service").atMost(Shopping.SAGA).untilAsserted(() -> {
            JsonNode steamers = Sellers.inventory(momo, steamer.sku());
            assertThat(steamers.get("quantity").asInt()).as(steamers.toString()).isEqualTo(8);
            assertThat(steamers.get("reserved").asInt()).as(steamers.toString()).isZero();
            JsonNode scarves = Sellers.inventory(pashmina, scarf.sku());
            assertThat(scarves.get("quantity").asInt()).as(scarves.toString()).isEqualTo(4);
            assertThat(scarves.get("reserved").asInt()).as(scarves.toString()).isZero();
        });

        String momoPartId = momoPart.get("id").asString();
        String pashminaPartId = pashminaPart.get("id").asString();
        assertSeesOnlyOwnPart(momo, momoPartId, pashminaPartId);
        assertSeesOnlyOwnPart(pashmina, pashminaPartId, momoPartId);
        assertThat(Gateway.get(storeOrders(pashmina, ""), momo.token()).statusCode()).isEqualTo(404);
        assertThat(Gateway.get(storeOrders(momo, ""), pashmina.token()).statusCode()).isEqualTo(404);

        Accounts.Account stranger = Accounts.newVerified("CUSTOMER");
        assertThat(Shopping.order(stranger.accessToken(), orderId).statusCode()).isEqualTo(404);
        assertThat(Shopping.pay(stranger.accessToken(), orderId, UUID.randomUUID().toString()).statusCode())
                .isEqualTo(404);
        assertThat(Shopping.order(momo.token(), orderId).statusCode()).as("a seller is not the customer").isIn(403, 404);
    }

    /** The store's order list (and its CONFIRMED filter) holds the seller's own part and not the other store's. */
    private static void assertSeesOnlyOwnPart(Sellers.Store store, String ownPartId, String otherPartId) {
        for (String filter : new String[] {"", "?status=CONFIRMED"}) {
            HttpResponse<String> orders = Gateway.get(storeOrders(store, filter), store.token());
            assertThat(orders.statusCode()).as(orders.body()).isEqualTo(200);
            assertThat(orders.body()).contains(ownPartId).doesNotContain(otherPartId);
        }
    }

    private static String storeOrders(Sellers.Store store, String query) {
        return "/api/v1/stores/" + store.storeId() + "/orders" + query;
    }
}
