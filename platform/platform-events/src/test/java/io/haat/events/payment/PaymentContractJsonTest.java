package io.haat.events.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code payment.payment} side of the order/payment contract on the wire, and what may not be built. */
class PaymentContractJsonTest {

    private static final Instant AT = Instant.parse("2026-01-05T10:03:00Z");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void paymentCapturedRoundTripsWithItsProviderAndAttempt() {
        var captured = new PaymentCaptured("pay-1", "o-1", PaymentProvider.STRIPE, 2, npr(2_750), AT);

        JsonNode payload = json.readTree(json.writeValueAsString(captured));

        assertThat(payload.get("provider").asString()).isEqualTo("STRIPE");
        assertThat(payload.get("attempt").asInt()).isEqualTo(2);
        assertThat(payload.at("/amount/amountMinor").asLong()).isEqualTo(2_750);
        assertThat(payload.get("capturedAt").asString()).isEqualTo("2026-01-05T10:03:00Z");
        assertThat(roundTrip(captured)).isEqualTo(captured);
    }

    @Test
    void paymentFailedCarriesACodeAndAMessage() {
        var failed = new PaymentFailed("pay-1", "o-1", PaymentProvider.ESEWA, 1, PaymentFailureReason.DECLINED,
                "Card declined by issuer", AT);

        JsonNode payload = json.readTree(json.writeValueAsString(failed));

        assertThat(payload.get("reasonCode").asString()).isEqualTo("DECLINED");
        assertThat(payload.get("reason").asString()).isEqualTo("Card declined by issuer");
        assertThat(payload.get("provider").asString()).isEqualTo("ESEWA");
        assertThat(roundTrip(failed)).isEqualTo(failed);
        assertThatThrownBy(() -> new PaymentFailed("pay-1", "o-1", PaymentProvider.ESEWA, 1, null, "?", AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reasonCode");
    }

    @Test
    void cashOnDeliveryAcceptedRoundTrips() {
        var accepted = new CashOnDeliveryAccepted("pay-2", "o-1", 1, npr(750), AT);

        assertThat(roundTrip(accepted)).isEqualTo(accepted);
        assertThat(json.readTree(json.writeValueAsString(accepted)).propertyNames())
                .containsExactlyInAnyOrder("paymentId", "orderId", "attempt", "amount", "acceptedAt");
    }

    @Test
    void paymentRefundedIsSplitOverSellerOrdersToTheMinorUnit() {
        var refunded = new PaymentRefunded("ref-1", "pay-1", "o-1", PaymentProvider.PAYPAL, npr(2_750),
                List.of(new SellerOrderRefund("so-1", "store-1", "seller-1", npr(1_950)),
                        new SellerOrderRefund("so-2", "store-2", "seller-2", npr(800))),
                RefundReason.ORDER_CANCELLED, PaymentStatus.REFUNDED, AT);

        JsonNode payload = json.readTree(json.writeValueAsString(refunded));

        assertThat(payload.get("reason").asString()).isEqualTo("ORDER_CANCELLED");
        assertThat(payload.get("paymentStatus").asString()).isEqualTo("REFUNDED");
        assertThat(payload.at("/sellerOrders/1/amount/amountMinor").asLong()).isEqualTo(800);
        assertThat(payload.at("/sellerOrders/1/sellerId").asString()).isEqualTo("seller-2");
        assertThat(roundTrip(refunded)).isEqualTo(refunded);
    }

    @Test
    void aRefundOfAnOverpaymentComesFromCustomerCreditAndOldPayloadsReadWithNone() {
        var overpaid = new PaymentRefunded("over:pay-2", "pay-2", "o-1", PaymentProvider.SANDBOX, npr(900),
                List.of(new SellerOrderRefund("so-1", "store-1", "seller-1", npr(100))), RefundReason.OVERPAYMENT,
                PaymentStatus.REFUNDED, AT, npr(800));
        assertThat(json.readTree(json.writeValueAsString(overpaid)).at("/customerCredit/amountMinor").asLong())
                .isEqualTo(800);
        assertThat(roundTrip(overpaid)).isEqualTo(overpaid);
        var allCredit = new PaymentRefunded("over:pay-3", "pay-3", "o-1", PaymentProvider.SANDBOX, npr(500),
                List.of(), RefundReason.OVERPAYMENT, PaymentStatus.REFUNDED, AT, npr(500));
        assertThat(roundTrip(allCredit).sellerOrders()).isEmpty();
        assertThatThrownBy(() -> new PaymentRefunded("over:pay-3", "pay-3", "o-1", PaymentProvider.SANDBOX, npr(500),
                List.of(), RefundReason.OVERPAYMENT, PaymentStatus.REFUNDED, AT, npr(501)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerCredit");

        PaymentRefunded old = json.readValue("""
                {"refundId":"ref-1","paymentId":"pay-1","orderId":"o-1","provider":"PAYPAL",
                 "amount":{"amountMinor":500,"currency":"NPR"},
                 "sellerOrders":[{"sellerOrderId":"so-1","storeId":"store-1","sellerId":"seller-1",
                                  "amount":{"amountMinor":500,"currency":"NPR"}}],
                 "reason":"ADMIN","paymentStatus":"PARTIALLY_REFUNDED","refundedAt":"2026-01-05T10:03:00Z"}""",
                PaymentRefunded.class);
        assertThat(old.customerCredit()).isEqualTo(npr(0));
    }

    @Test
    void aRefundWhosePartsDoNotAddUpCannotBeBuiltNorRead() {
        List<SellerOrderRefund> parts = List.of(new SellerOrderRefund("so-1", "store-1", "seller-1", npr(1_950)),
                new SellerOrderRefund("so-2", "store-2", "seller-2", npr(799)));
        assertThatThrownBy(() -> new PaymentRefunded("ref-1", "pay-1", "o-1", PaymentProvider.PAYPAL, npr(2_750),
                parts, RefundReason.ADMIN, PaymentStatus.REFUNDED, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adds up to 2749");
        assertThatThrownBy(() -> new PaymentRefunded("ref-1", "pay-1", "o-1", PaymentProvider.PAYPAL, npr(500),
                List.of(), RefundReason.ADMIN, PaymentStatus.PARTIALLY_REFUNDED, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one seller order");
        assertThatThrownBy(() -> new PaymentRefunded("ref-1", "pay-1", "o-1", PaymentProvider.PAYPAL, npr(500),
                List.of(new SellerOrderRefund("so-1", "store-1", "seller-1", new Money(500, "USD"))),
                RefundReason.ADMIN, PaymentStatus.PARTIALLY_REFUNDED, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency mismatch");
        assertThatThrownBy(() -> new PaymentRefunded("ref-1", "pay-1", "o-1", PaymentProvider.PAYPAL, npr(500),
                List.of(new SellerOrderRefund("so-1", "store-1", "seller-1", npr(500))),
                RefundReason.ADMIN, PaymentStatus.CAPTURED, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CAPTURED");
        assertThatThrownBy(() -> json.readValue("""
                {"refundId":"ref-1","paymentId":"pay-1","orderId":"o-1","provider":"PAYPAL",
                 "amount":{"amountMinor":500,"currency":"NPR"},
                 "sellerOrders":[{"sellerOrderId":"so-1","storeId":"store-1","sellerId":"seller-1",
                                  "amount":{"amountMinor":400,"currency":"NPR"}}],
                 "reason":"ADMIN","paymentStatus":"PARTIALLY_REFUNDED","refundedAt":"2026-01-05T10:03:00Z"}""",
                PaymentRefunded.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void amountsArePositiveAndAttemptsCountFromOne() {
        assertThatThrownBy(() -> new PaymentCaptured("pay-1", "o-1", PaymentProvider.STRIPE, 1, npr(0), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> new PaymentCaptured("pay-1", "o-1", PaymentProvider.STRIPE, 0, npr(10), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempt");
        assertThatThrownBy(() -> new CashOnDeliveryAccepted("pay-1", "o-1", 1, npr(-5), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> new PaymentCaptured("pay-1", "o-1", null, 1, npr(10), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provider");
        assertThatThrownBy(() -> new PaymentCaptured("pay-1", "", PaymentProvider.SANDBOX, 1, npr(10), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderId");
    }

    @Test
    void providersAreTheDocumentedNamesAndTheStringsOfEarlierProducersRead() {
        assertThat(PaymentProvider.values()).extracting(Enum::name)
                .containsExactly("STRIPE", "PAYPAL", "KHALTI", "ESEWA", "CASH_ON_DELIVERY", "SANDBOX");
        assertThat(PaymentStatus.values()).extracting(Enum::name).containsExactly("PENDING", "COD_ACCEPTED",
                "CAPTURED", "FAILED", "PARTIALLY_REFUNDED", "REFUNDED");
        // the provider was a String before: the same names read into the enum
        PaymentCaptured read = json.readValue("""
                {"paymentId":"pay-1","orderId":"o-1","provider":"KHALTI","attempt":1,
                 "amount":{"amountMinor":100,"currency":"NPR"},"capturedAt":"2026-01-05T10:03:00Z"}""",
                PaymentCaptured.class);
        assertThat(read.provider()).isEqualTo(PaymentProvider.KHALTI);
        assertThatThrownBy(() -> json.readValue("""
                {"paymentId":"pay-1","orderId":"o-1","provider":"BITCOIN","attempt":1,
                 "amount":{"amountMinor":100,"currency":"NPR"},"capturedAt":"2026-01-05T10:03:00Z"}""",
                PaymentCaptured.class)).isInstanceOf(JacksonException.class);
    }

    @SuppressWarnings("unchecked")
    private <E> E roundTrip(E event) {
        return (E) json.readValue(json.writeValueAsString(event), event.getClass());
    }

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }
}
