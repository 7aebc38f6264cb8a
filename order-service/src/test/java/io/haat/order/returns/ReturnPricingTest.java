package io.haat.order.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.order.order.OrderItem;
import io.haat.order.order.SellerOrder;
import io.haat.order.order.SellerOrderState;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.UnprocessableException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a return gives back: line prices minus their discount share, shipping per policy, cumulative and exact. */
class ReturnPricingTest {

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }

    // 3 mugs at 1000 with 100 of discount on the line, 1 plate at 500; shipping 200 of which 50 was discounted
    private static final SellerOrder PART = new SellerOrder(UUID.randomUUID(), "store-1", "seller-1",
            SellerOrderState.DELIVERED, List.of(new OrderItem("p1", "MUG", "Mug", 3, npr(1000), npr(100)),
            new OrderItem("p2", "PLATE", "Plate", 1, npr(500), npr(0))), npr(200), npr(50), npr(150), npr(0),
            new SellerOrder.ShippingChoice("m", "Standard", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3)),
            Instant.parse("2026-12-01T00:00:00Z"));

    private static ReturnPricing price(Map<String, Integer> before, ShippingRefund policy, ReturnReason reason,
                                       ReturnPricing.Requested... lines) {
        return ReturnPricing.of(PART, List.of(lines), before, policy, reason);
    }

    @Test
    void discountSharesAddUpExactlyOverSeveralReturns() {
        ReturnPricing first = price(Map.of(), ShippingRefund.NEVER, ReturnReason.NO_LONGER_NEEDED,
                new ReturnPricing.Requested("MUG", 1));
        ReturnPricing second = price(Map.of("MUG", 1), ShippingRefund.NEVER, ReturnReason.NO_LONGER_NEEDED,
                new ReturnPricing.Requested("MUG", 1));
        ReturnPricing third = price(Map.of("MUG", 2), ShippingRefund.NEVER, ReturnReason.NO_LONGER_NEEDED,
                new ReturnPricing.Requested("MUG", 1));
        assertThat(first.lines().getFirst().discount()).isEqualTo(npr(34));
        assertThat(first.refund()).isEqualTo(npr(966));
        assertThat(first.refund().plus(second.refund()).plus(third.refund())).isEqualTo(npr(2900));
        assertThat(first.shipping()).isEqualTo(npr(0));
    }

    @Test
    void shippingFollowsThePolicyInProportionToUnits() {
        ReturnPricing fault = price(Map.of(), ShippingRefund.SELLER_FAULT, ReturnReason.DAMAGED,
                new ReturnPricing.Requested("MUG", 2));
        assertThat(fault.shipping()).isEqualTo(npr(75)); // net 150 × 2 of 4 units
        ReturnPricing notFault = price(Map.of(), ShippingRefund.SELLER_FAULT, ReturnReason.NO_LONGER_NEEDED,
                new ReturnPricing.Requested("MUG", 2));
        assertThat(notFault.shipping()).isEqualTo(npr(0));
        ReturnPricing rest = price(Map.of("MUG", 2), ShippingRefund.ALWAYS, ReturnReason.OTHER,
                new ReturnPricing.Requested("MUG", 1), new ReturnPricing.Requested("PLATE", 1));
        assertThat(rest.shipping()).isEqualTo(npr(75));
        assertThat(rest.refund()).isEqualTo(npr(1000 - 33 + 500 + 75));
    }

    @Test
    void moreThanDeliveredMinusReturnedIsRefused() {
        assertThatThrownBy(() -> price(Map.of("MUG", 2), ShippingRefund.NEVER, ReturnReason.OTHER,
                new ReturnPricing.Requested("MUG", 2)))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.type().toString()).endsWith("/return-exceeds-delivered"));
        assertThatThrownBy(() -> price(Map.of(), ShippingRefund.NEVER, ReturnReason.OTHER,
                new ReturnPricing.Requested("MUG", 4))).isInstanceOf(UnprocessableException.class);
    }

    @Test
    void unknownOrRepeatedSkusAreBadRequests() {
        assertThatThrownBy(() -> price(Map.of(), ShippingRefund.NEVER, ReturnReason.OTHER,
                new ReturnPricing.Requested("CUP", 1))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> price(Map.of(), ShippingRefund.NEVER, ReturnReason.OTHER,
                new ReturnPricing.Requested("MUG", 1), new ReturnPricing.Requested("MUG", 1)))
                .isInstanceOf(InvalidRequestException.class);
    }
}
