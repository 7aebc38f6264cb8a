package io.haat.events.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.inventory.StockLine;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.PaymentRefunded;
import io.haat.events.payment.PaymentStatus;
import io.haat.events.payment.PayoutStatusChanged;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The events order-service part 2 adds (fulfilment, delivery, returns, disputes, payouts) on the wire. */
class FulfilmentContractJsonTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyNewEventRoundTrips() {
        List<Object> events = List.of(
                new SellerOrderStatusChanged("so-1", "o-1", "store-1", SellerOrderStatus.SHIPPED, npr(1_950), AT,
                        "c-1", "seller-1", "Nepal Post NP123"),
                new DeliveryStatusChanged("d-1", "o-1", "so-1", "store-1", "c-1", "agent-1",
                        DeliveryStatus.OUT_FOR_DELIVERY, null, null, null, new GeoPoint(27.7172, 85.324),
                        LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-03"), null, AT),
                new CashCollected("d-1", "o-1", "so-1", "store-1", "agent-1", npr(1_950), AT),
                new RefundRequested("return:r-1", "o-1", "c-1", npr(500),
                        List.of(new SellerOrderRefund("so-1", "store-1", "seller-1", npr(500))), RefundReason.RETURN,
                        AT),
                new ReturnStatusChanged("r-1", "o-1", "so-1", "store-1", "c-1", ReturnStatus.RECEIVED,
                        List.of(new StockLine("store-1", "MUG-1", 1)), npr(500), "broken handle", AT),
                new DisputeChanged("dp-1", "o-1", "r-1", "so-1", "store-1", "c-1", DisputeChanged.Kind.RESOLVED,
                        DisputeChanged.Outcome.PARTIAL_REFUND, npr(300), "admin-1", AT),
                new PaymentRefunded("return:r-1:p-1", "p-1", "o-1", PaymentProvider.SANDBOX, npr(500),
                        List.of(new SellerOrderRefund("so-1", "store-1", "seller-1", npr(500))), RefundReason.RETURN,
                        PaymentStatus.PARTIALLY_REFUNDED, AT, null, "return:r-1"),
                new PayoutStatusChanged("po-1", "seller-1", "user-1", npr(10_000), "PAID", "bank ref 42", AT));
        for (Object event : events) {
            assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void aSellerOrderStatusChangeOfBeforePartTwoStillReads() {
        SellerOrderStatusChanged old = json.readValue("""
                {"sellerOrderId":"so-1","orderId":"o-1","storeId":"store-1","status":"CONFIRMED",
                 "amount":{"amountMinor":1950,"currency":"NPR"},"at":"2026-03-01T09:30:00Z"}""",
                SellerOrderStatusChanged.class);

        assertThat(old).isEqualTo(new SellerOrderStatusChanged("so-1", "o-1", "store-1", SellerOrderStatus.CONFIRMED,
                npr(1_950), AT));
        assertThat(old.customerId()).isNull();
    }

    @Test
    void aRefundOfBeforeRequestIdsStillReads() {
        PaymentRefunded old = json.readValue("""
                {"refundId":"cancel:o-1:p-1","paymentId":"p-1","orderId":"o-1","provider":"SANDBOX",
                 "amount":{"amountMinor":500,"currency":"NPR"},
                 "sellerOrders":[{"sellerOrderId":"so-1","storeId":"store-1","sellerId":"seller-1",
                                  "amount":{"amountMinor":500,"currency":"NPR"}}],
                 "reason":"ORDER_CANCELLED","paymentStatus":"REFUNDED","refundedAt":"2026-03-01T09:30:00Z"}""",
                PaymentRefunded.class);

        assertThat(old.requestId()).isNull();
        assertThat(old.customerCredit()).isEqualTo(npr(0));
    }

    @Test
    void aRefundRequestWhoseSplitDoesNotAddUpCannotBeRead() {
        assertThatThrownBy(() -> json.readValue("""
                {"requestId":"dispute:dp-1","orderId":"o-1","customerId":"c-1",
                 "amount":{"amountMinor":500,"currency":"NPR"},
                 "sellerOrders":[{"sellerOrderId":"so-1","storeId":"store-1","sellerId":"seller-1",
                                  "amount":{"amountMinor":400,"currency":"NPR"}}],
                 "reason":"DISPUTE","at":"2026-03-01T09:30:00Z"}""", RefundRequested.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }
}
