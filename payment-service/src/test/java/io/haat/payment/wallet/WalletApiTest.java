package io.haat.payment.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.payment.PaymentIntegrationTest;
import io.haat.payment.ledger.CommissionRates;
import io.haat.payment.ledger.Ledger;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /wallet} and {@code GET /wallet/entries}: the caller's own balances and entries, sellers only. */
class WalletApiTest extends PaymentIntegrationTest {

    @Autowired
    private Ledger ledger;

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }

    /** An order of one seller order, captured in full at 10 % commission: 9000 of 10000 pending. */
    private String sale(SellerAccount seller, long amount) {
        String order = UUID.randomUUID().toString();
        ledger.postCapture(UUID.randomUUID().toString(), order, npr(amount),
                List.of(SellerOrderTotals.undiscounted("so-" + order, "store-1", seller.sellerId(), npr(amount))),
                CommissionRates.flat(1_000));
        return order;
    }

    @Test
    void aSellerSeesPendingAndAvailableEarningsNetOfCommissionAndTheEntriesBehindThem() {
        SellerAccount seller = knownSeller();
        String completed = sale(seller, 10_000);
        String pending = sale(seller, 2_000);
        ledger.postCompletion("so-" + completed, completed);
        ledger.postRefund("r-" + pending, pending,
                List.of(new SellerOrderRefund("so-" + pending, "store-1", seller.sellerId(), npr(500))),
                RefundReason.RETURN);

        Response wallet = get("/wallet", seller.token());
        assertThat(wallet.status()).as(wallet.body().toString()).isEqualTo(200);
        assertThat(wallet.body().path("sellerId").asString()).isEqualTo(seller.sellerId());
        assertThat(wallet.body().path("currency").asString()).isEqualTo("NPR");
        assertThat(wallet.body().path("available").path("amountMinor").asLong()).isEqualTo(9_000);
        assertThat(wallet.body().path("pending").path("amountMinor").asLong()).isEqualTo(1_800 - 450);
        assertThat(wallet.body().path("pending").path("currency").asString()).isEqualTo("NPR");
        assertThat(wallet.body().path("balances")).hasSize(1);

        Response entries = get("/wallet/entries?size=2", seller.token());
        assertThat(entries.status()).as(entries.body().toString()).isEqualTo(200);
        assertThat(entries.body().path("totalItems").asLong()).isEqualTo(5);   // capture, capture, 2 × completion, refund
        assertThat(entries.body().path("size").asInt()).isEqualTo(2);
        JsonNode newest = entries.body().path("items").get(0);
        assertThat(newest.path("kind").asString()).isEqualTo("REFUND");
        assertThat(newest.path("reason").asString()).isEqualTo("RETURN");
        assertThat(newest.path("balance").asString()).isEqualTo("PENDING");
        assertThat(newest.path("amount").path("amountMinor").asLong()).isEqualTo(-450);
        assertThat(newest.path("orderId").asString()).isEqualTo(pending);
        assertThat(newest.path("sellerOrderId").asString()).isEqualTo("so-" + pending);
        assertThat(newest.path("postedAt").asString()).isNotBlank();

        Response oldest = get("/wallet/entries?page=2&size=2", seller.token());
        assertThat(oldest.body().path("items")).hasSize(1);
        JsonNode first = oldest.body().path("items").get(0);
        assertThat(first.path("kind").asString()).isEqualTo("CAPTURE");
        assertThat(first.path("orderId").asString()).isEqualTo(completed);
        assertThat(first.path("amount").path("amountMinor").asLong()).isEqualTo(9_000);
    }

    @Test
    void anotherSellerSeesOnlyTheirOwnWallet() {
        SellerAccount owner = knownSeller();
        sale(owner, 10_000);
        SellerAccount other = knownSeller();

        Response wallet = get("/wallet", other.token());
        assertThat(wallet.status()).isEqualTo(200);
        assertThat(wallet.body().path("sellerId").asString()).isEqualTo(other.sellerId());
        assertThat(wallet.body().path("pending").path("amountMinor").asLong()).isZero();
        assertThat(wallet.body().path("available").path("amountMinor").asLong()).isZero();
        Response entries = get("/wallet/entries", other.token());
        assertThat(entries.body().path("totalItems").asLong()).isZero();
        assertThat(entries.body().path("items")).isEmpty();
    }

    @Test
    void aSellerEventIsAppliedOnceAndASellerUnknownToPaymentsHasNoWallet() {
        User stranger = user("SELLER");
        Response none = get("/wallet", stranger.token());
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.problemType()).isEqualTo("https://haat.io/problems/seller-not-found");
        assertThat(get("/wallet/entries", stranger.token()).status()).isEqualTo(404);

        String sellerId = UUID.randomUUID().toString();
        String json = envelopes.toJson(EventEnvelope.of(new SellerStatusChanged(sellerId, stranger.id(), "Late shop",
                SellerStatus.PENDING, null), 1));
        sellerEvents.onSellerEvent(json);
        sellerEvents.onSellerEvent(json);

        assertThat(get("/wallet", stranger.token()).body().path("sellerId").asString()).isEqualTo(sellerId);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer_group = 'payment-service.sellers' "
                + "AND event_id = ?").param(envelopes.parse(json).eventId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theWalletIsForSellersOnly() {
        for (String path : List.of("/wallet", "/wallet/entries")) {
            Response anonymous = get(path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.problemType()).isEqualTo("https://haat.io/problems/unauthorized");
            assertThat(get(path, "not-a-jwt").status()).as(path).isEqualTo(401);
            for (String role : List.of("CUSTOMER", "ADMIN", "DELIVERY_AGENT")) {
                Response wrongRole = get(path, user(role).token());
                assertThat(wrongRole.status()).as(path + " as " + role).isEqualTo(403);
                assertThat(wrongRole.problemType()).isEqualTo("https://haat.io/problems/forbidden");
            }
        }
    }

    @Test
    void badParametersAreValidationProblems() {
        SellerAccount seller = knownSeller();
        for (String path : List.of("/wallet/entries?size=101", "/wallet/entries?page=-1", "/wallet/entries?page=x",
                "/wallet?currency=nope", "/wallet?currency=npr")) {
            Response bad = get(path, seller.token());
            assertThat(bad.status()).as(path).isEqualTo(400);
            assertThat(bad.problemType()).as(path).isEqualTo("https://haat.io/problems/validation");
            assertThat(bad.body().path("errors").get(0).path("field").asString()).as(path)
                    .isIn("page", "size", "currency");
        }
        Response usd = get("/wallet?currency=USD", seller.token());
        assertThat(usd.status()).isEqualTo(200);
        assertThat(usd.body().path("currency").asString()).isEqualTo("USD");
        assertThat(usd.body().path("available").path("amountMinor").asLong()).isZero();
    }
}
