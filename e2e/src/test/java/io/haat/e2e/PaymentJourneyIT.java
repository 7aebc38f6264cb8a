package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.events.Money;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 through the gateway: checkout, the sandbox payment, the order CONFIRMED; the seller order completed by
 * its event (published by the test, as order-service part 2 will once delivery exists); the seller's wallet then
 * shows the earnings net of the commission rule in force for the store; a payout is requested, approved and marked
 * paid by the admin, after which the wallet and its ledger entries agree.
 */
class PaymentJourneyIT {

    private static final long PRICE = 500_000;
    private static final int QUANTITY = 2;
    private static final long SHIPPING = 10_000;
    /** The store's own rule (12.5 %), so the expected commission is not the platform default by accident. */
    private static final int STORE_COMMISSION_BPS = 1250;

    @Test
    void paidOrderCompletedEarningsNetOfCommissionPaidOutAndTheLedgerAgrees() {
        String category = Sellers.category("E2E Payments");
        Sellers.Store store = Sellers.approvedWithStore("E2E Singing Bowls");
        Sellers.Listed bowl = Sellers.listAndStock(store, category, "Singing bowl", PRICE, 10);
        Sellers.flatShipping(store, SHIPPING);
        String admin = Accounts.adminToken();
        HttpResponse<String> rule = Gateway.put("/api/v1/admin/commissions/stores/" + store.storeId(), admin,
                "{\"basisPoints\": %d}".formatted(STORE_COMMISSION_BPS));
        assertThat(rule.statusCode()).as(rule.body()).isIn(200, 201);

        Accounts.Account customer = Accounts.newVerified("CUSTOMER");
        String token = customer.accessToken();
        Shopping.addWhenPurchasable(token, bowl, QUANTITY);
        String orderId = Shopping.checkout(token);
        Shopping.awaitStatus(token, orderId, "AWAITING_PAYMENT");
        assertThat(Shopping.pay(token, orderId).get("status").asString()).isEqualTo("CAPTURED");
        JsonNode order = Shopping.awaitStatus(token, orderId, "CONFIRMED");
        JsonNode sellerOrder = Shopping.sellerOrderOf(order, store.storeId());

        long merchandise = PRICE * QUANTITY;
        long sellerOrderTotal = merchandise + SHIPPING;
        assertThat(Shopping.minor(sellerOrder.get("merchandise"))).as(sellerOrder.toString()).isEqualTo(merchandise);
        assertThat(Shopping.minor(sellerOrder.get("total"))).as(sellerOrder.toString()).isEqualTo(sellerOrderTotal);
        assertThat(Shopping.minor(order.get("total"))).isEqualTo(sellerOrderTotal);
        // the commission of the rule seller-service says is in force for this store, on the merchandise after
        // seller-funded discounts (none here); shipping carries none
        JsonNode applicable = Gateway.json(Gateway.get("/api/v1/admin/commissions/applicable?storeId=" + store.storeId()
                + "&categoryId=" + category + "&amountMinor=" + merchandise + "&currency=" + Sellers.CURRENCY, admin));
        assertThat(applicable.get("rule").get("basisPoints").asInt()).as(applicable.toString())
                .isEqualTo(STORE_COMMISSION_BPS);
        long commission = Shopping.minor(applicable.get("exampleFee"));
        assertThat(commission).isEqualTo(merchandise * STORE_COMMISSION_BPS / 10_000);
        long earnings = sellerOrderTotal - commission;

        await("earnings pending in the wallet").atMost(Shopping.SAGA).untilAsserted(() ->
                assertWallet(store, earnings, 0));

        OrderEvents.sellerOrderCompleted(sellerOrder.get("id").asString(), orderId, store.storeId(),
                new Money(sellerOrderTotal, Sellers.CURRENCY), order.path("timeline").size() + 1L);
        await("earnings available once the seller order completed").atMost(Shopping.SAGA).untilAsserted(() ->
                assertWallet(store, 0, earnings));

        HttpResponse<String> requested = Gateway.postJson("/api/v1/payouts", store.token(),
                "{\"amount\": {\"amountMinor\": %d, \"currency\": \"%s\"}}".formatted(earnings, Sellers.CURRENCY),
                UUID.randomUUID().toString());
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        String payoutId = Gateway.json(requested).get("id").asString();
        assertWallet(store, 0, 0); // the money leaves the available balance when the payout is requested

        HttpResponse<String> approved = Gateway.postJson("/api/v1/admin/payouts/" + payoutId + "/approve", admin, "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        String reference = "E2E-BANK-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> paid = Gateway.postJson("/api/v1/admin/payouts/" + payoutId + "/mark-paid", admin,
                "{\"reference\": \"%s\"}".formatted(reference));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(Gateway.json(paid).get("status").asString()).isEqualTo("PAID");
        HttpResponse<String> mine = Gateway.get("/api/v1/payouts/mine", store.token());
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(mine.body()).contains(payoutId).contains("PAID");

        assertWallet(store, 0, 0);
        assertEntriesAgree(store, orderId, earnings);
    }

    private static void assertWallet(Sellers.Store store, long pending, long available) {
        HttpResponse<String> wallet = Gateway.get("/api/v1/wallet?currency=" + Sellers.CURRENCY, store.token());
        assertThat(wallet.statusCode()).as(wallet.body()).isEqualTo(200);
        JsonNode balances = Gateway.json(wallet);
        assertThat(Shopping.minor(balances.get("pending"))).as(wallet.body()).isEqualTo(pending);
        assertThat(Shopping.minor(balances.get("available"))).as(wallet.body()).isEqualTo(available);
    }

    /**
     * The entries add up to the balances (nothing moved without an entry): the order's earnings reached the pending
     * balance, moved to available on completion, and left it for the payout.
     */
    private static void assertEntriesAgree(Sellers.Store store, String orderId, long earnings) {
        HttpResponse<String> page = Gateway.get("/api/v1/wallet/entries?size=100", store.token());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        long pending = 0;
        long available = 0;
        long orderToPending = 0;
        long orderToAvailable = 0;
        long out = 0;
        for (JsonNode entry : Gateway.json(page).get("items")) {
            long amount = Shopping.minor(entry.get("amount"));
            boolean ofOrder = orderId.equals(entry.path("orderId").asString(null));
            if (entry.get("balance").asString().equals("PENDING")) {
                pending += amount;
                orderToPending += ofOrder && amount > 0 ? amount : 0;
            } else {
                available += amount;
                orderToAvailable += ofOrder && amount > 0 ? amount : 0;
                out += amount < 0 ? amount : 0;
            }
        }
        String entries = page.body();
        assertThat(pending).as(entries).isZero();
        assertThat(available).as(entries).isZero();
        assertThat(orderToPending).as("captured earnings, " + entries).isEqualTo(earnings);
        assertThat(orderToAvailable).as("completion, " + entries).isEqualTo(earnings);
        assertThat(out).as("the payout, " + entries).isEqualTo(-earnings);
    }
}
