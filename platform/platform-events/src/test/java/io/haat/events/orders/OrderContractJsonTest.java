package io.haat.events.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import io.haat.events.payment.PaymentProvider;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code orders.order} side of the order/payment contract on the wire: what order-service writes, what
 * seller-service, catalog-service and payment-service read, including payloads written before the contract grew.
 */
class OrderContractJsonTest {

    private static final Instant DEADLINE = Instant.parse("2026-01-05T10:15:00Z");

    private final JsonMapper json = JsonMapper.builder().build();

    // two stores: a mug with a store coupon and shipping, a tea with a share of a site coupon
    private final SellerOrderTotals mugs = new SellerOrderTotals("so-1", "store-1", "seller-1", npr(2_000),
            npr(200), npr(0), npr(150), npr(1_950));
    private final SellerOrderTotals tea = new SellerOrderTotals("so-2", "store-2", "seller-2", npr(900),
            npr(0), npr(100), npr(0), npr(800));
    private final List<OrderLine> lines = List.of(
            new OrderLine("so-1", "store-1", "p-mug", "MUG-1", 2, npr(1_000)),
            new OrderLine("so-2", "store-2", "p-tea", "TEA-1", 3, npr(300)));

    @Test
    void orderPlacedCarriesItsSplitPerSellerOrder() {
        OrderPlaced placed = new OrderPlaced("o-1", "c-1", npr(2_750), lines, List.of(mugs, tea));

        JsonNode payload = payloadOf(placed);

        assertThat(payload.at("/sellerOrders/0/sellerOrderId").asString()).isEqualTo("so-1");
        assertThat(payload.at("/sellerOrders/0/sellerDiscount/amountMinor").asLong()).isEqualTo(200);
        assertThat(payload.at("/sellerOrders/1/platformDiscount/amountMinor").asLong()).isEqualTo(100);
        assertThat(payload.at("/sellerOrders/0/shipping/amountMinor").asLong()).isEqualTo(150);
        assertThat(payload.at("/sellerOrders/1/total/currency").asString()).isEqualTo("NPR");
        assertThat(roundTrip(placed)).isEqualTo(placed);
    }

    @Test
    void anOrderPlacedOfBeforeTheSplitStillReads() {
        OrderPlaced old = json.readValue("""
                {"orderId":"o-1","customerId":"c-1","total":{"amountMinor":2000,"currency":"NPR"},
                 "lines":[{"sellerOrderId":"so-1","storeId":"store-1","productId":"p-mug","sku":"MUG-1",
                           "quantity":2,"unitPrice":{"amountMinor":1000,"currency":"NPR"}}]}""", OrderPlaced.class);

        assertThat(old.sellerOrders()).isNull();
        assertThat(old.lines()).singleElement().extracting(OrderLine::sku).isEqualTo("MUG-1");
    }

    @Test
    void aSplitMustAddUpToTheOrderAndToItsLines() {
        assertThatThrownBy(() -> new OrderPlaced("o-1", "c-1", npr(2_751), lines, List.of(mugs, tea)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up to 2750");
        assertThatThrownBy(() -> new OrderPlaced("o-1", "c-1", npr(1_950), lines, List.of(mugs)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown seller orders");
        SellerOrderTotals cheapTea = SellerOrderTotals.undiscounted("so-2", "store-2", "seller-2", npr(800));
        assertThatThrownBy(() -> new OrderPlaced("o-1", "c-1", npr(2_750), lines, List.of(mugs, cheapTea)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the sum of its lines");
        assertThatThrownBy(() -> new OrderPlaced("o-1", "c-1", npr(3_900), lines, List.of(mugs, mugs)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
    }

    @Test
    void aSellerOrdersTotalIsMerchandisePlusShippingLessDiscounts() {
        assertThatThrownBy(() -> new SellerOrderTotals("so-1", "store-1", "seller-1", npr(2_000), npr(200), npr(0),
                npr(150), npr(2_150))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1950");
        assertThatThrownBy(() -> new SellerOrderTotals("so-1", "store-1", "seller-1", npr(100), npr(-50), npr(0),
                npr(0), npr(150))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new SellerOrderTotals("so-1", "store-1", "seller-1", npr(100), npr(0),
                new Money(0, "USD"), npr(0), npr(100))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency mismatch");
        assertThatThrownBy(() -> new SellerOrderTotals("so-1", "store-1", " ", npr(100), npr(0), npr(0), npr(0),
                npr(100))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sellerId");
    }

    @Test
    void aMalformedSplitOnTheWireDoesNotRead() {
        // the split claims 1,000 but the order's total is 999: a consumer must not act on it
        assertThatThrownBy(() -> json.readValue("""
                {"orderId":"o-1","customerId":"c-1","total":{"amountMinor":999,"currency":"NPR"},
                 "lines":[{"sellerOrderId":"so-1","storeId":"store-1","productId":"p","sku":"S","quantity":1,
                           "unitPrice":{"amountMinor":1000,"currency":"NPR"}}],
                 "sellerOrders":[{"sellerOrderId":"so-1","storeId":"store-1","sellerId":"seller-1",
                   "merchandise":{"amountMinor":1000,"currency":"NPR"},"sellerDiscount":{"amountMinor":0,"currency":"NPR"},
                   "platformDiscount":{"amountMinor":0,"currency":"NPR"},"shipping":{"amountMinor":0,"currency":"NPR"},
                   "total":{"amountMinor":1000,"currency":"NPR"}}]}""", OrderPlaced.class))
                .isInstanceOf(JacksonException.class).hasMessageContaining("add up to");
    }

    @Test
    void orderAwaitingPaymentCarriesWhatPaymentServiceNeeds() {
        var awaiting = new OrderAwaitingPayment("o-1", "c-1", npr(2_750), List.of(mugs, tea),
                new PaymentChoice(PaymentProvider.KHALTI, npr(750)), DEADLINE);

        JsonNode payload = payloadOf(awaiting);

        assertThat(payload.at("/total/amountMinor").asLong()).isEqualTo(2_750);
        assertThat(payload.at("/payment/provider").asString()).isEqualTo("KHALTI");
        assertThat(payload.at("/payment/cashOnDelivery/amountMinor").asLong()).isEqualTo(750);
        assertThat(payload.at("/payment").propertyNames()).containsExactlyInAnyOrder("provider", "cashOnDelivery");
        assertThat(payload.at("/paymentDeadline").asString()).isEqualTo("2026-01-05T10:15:00Z");
        assertThat(payload.at("/sellerOrders").size()).isEqualTo(2);
        assertThat(roundTrip(awaiting)).isEqualTo(awaiting);
    }

    @Test
    void cashOnDeliveryIsAllOfTheTotalExactlyWhenItIsTheProvider() {
        var cod = new PaymentChoice(PaymentProvider.CASH_ON_DELIVERY, npr(2_750));
        assertThat(new OrderAwaitingPayment("o-1", "c-1", npr(2_750), List.of(mugs, tea), cod, DEADLINE)
                .payment().cashOnly()).isTrue();

        assertThatThrownBy(() -> new OrderAwaitingPayment("o-1", "c-1", npr(2_750), List.of(mugs, tea),
                new PaymentChoice(PaymentProvider.CASH_ON_DELIVERY, npr(2_000)), DEADLINE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderAwaitingPayment("o-1", "c-1", npr(2_750), List.of(mugs, tea),
                new PaymentChoice(PaymentProvider.STRIPE, npr(2_750)), DEADLINE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderAwaitingPayment("o-1", "c-1", npr(2_750), List.of(mugs, tea),
                new PaymentChoice(PaymentProvider.STRIPE, npr(3_000)), DEADLINE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new OrderAwaitingPayment("o-1", "c-1", npr(2_750), List.of(mugs, tea),
                new PaymentChoice(PaymentProvider.STRIPE, npr(0)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paymentDeadline");
    }

    @Test
    void orderCancelledCarriesAReasonCodeAndWhetherARefundIsDue() {
        var cancelled = new OrderCancelled("o-1", "c-1", "Not paid in time", CancellationReason.PAYMENT_DEADLINE_PASSED,
                false);

        JsonNode payload = payloadOf(cancelled);

        assertThat(payload.at("/reasonCode").asString()).isEqualTo("PAYMENT_DEADLINE_PASSED");
        assertThat(payload.at("/refundDue").isBoolean()).isTrue();
        assertThat(payload.at("/reason").asString()).isEqualTo("Not paid in time");
        assertThat(roundTrip(cancelled)).isEqualTo(cancelled);
    }

    @Test
    void anOrderCancelledOfBeforeTheCodesReadsAsOtherWithoutRefund() {
        OrderCancelled old = json.readValue("""
                {"orderId":"o-1","customerId":"c-1","reason":"changed my mind"}""", OrderCancelled.class);

        assertThat(old).isEqualTo(new OrderCancelled("o-1", "c-1", "changed my mind", CancellationReason.OTHER, false));
    }

    @Test
    void payableOrderIsTheLookUpsAnswer() {
        var payable = new PayableOrder("o-1", "c-1", OrderStatus.AWAITING_PAYMENT, npr(2_750), List.of(mugs, tea),
                new PaymentChoice(PaymentProvider.SANDBOX, npr(0)), DEADLINE);

        JsonNode tree = json.readTree(json.writeValueAsString(payable));

        assertThat(tree.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(tree.propertyNames()).containsExactlyInAnyOrder("orderId", "customerId", "status", "total",
                "sellerOrders", "payment", "paymentDeadline");
        assertThat(json.readValue(json.writeValueAsString(payable), PayableOrder.class)).isEqualTo(payable);
        assertThat(PayableOrder.PATH).isEqualTo("/internal/orders/{orderId}/payable");
    }

    @Test
    void onlyAnOrderAwaitingPaymentBeforeItsDeadlineTakesPayments() {
        var choice = new PaymentChoice(PaymentProvider.SANDBOX, npr(0));
        var awaiting = new PayableOrder("o-1", "c-1", OrderStatus.AWAITING_PAYMENT, npr(2_750), List.of(mugs, tea),
                choice, DEADLINE);
        var pending = new PayableOrder("o-1", "c-1", OrderStatus.PENDING, npr(2_750), List.of(mugs, tea),
                choice, DEADLINE);
        var cancelled = new PayableOrder("o-1", "c-1", OrderStatus.CANCELLED, npr(2_750), List.of(mugs, tea),
                choice, DEADLINE);

        assertThat(awaiting.acceptsPaymentAt(DEADLINE.minusSeconds(1))).isTrue();
        assertThat(awaiting.acceptsPaymentAt(DEADLINE)).isFalse();
        assertThat(pending.acceptsPaymentAt(DEADLINE.minusSeconds(1))).isFalse();
        assertThat(cancelled.acceptsPaymentAt(DEADLINE.minusSeconds(1))).isFalse();
    }

    @Test
    void orderStatusesAreWrittenAsTheirNamesAndUnknownOnesDoNotRead() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(json.writeValueAsString(status)).isEqualTo("\"" + status.name() + "\"");
        }
        assertThat(OrderStatus.values()).extracting(Enum::name)
                .containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "CANCELLED");
        assertThatThrownBy(() -> json.readValue("""
                {"orderId":"o-1","customerId":"c-1","reason":"x","reasonCode":"BORED","refundDue":false}""",
                OrderCancelled.class)).isInstanceOf(JacksonException.class);
    }

    private JsonNode payloadOf(DomainEvent event) {
        // the envelope's payload is the event as written alone
        return json.readTree(json.writeValueAsString(event));
    }

    @SuppressWarnings("unchecked")
    private <E> E roundTrip(E event) {
        return (E) json.readValue(json.writeValueAsString(event), event.getClass());
    }

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }
}
