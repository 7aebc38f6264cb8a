package io.haat.order.order;

import io.haat.events.Money;
import io.haat.order.pricing.DeliveryAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A store's part of an order as its seller sees it ({@code GET /stores/{id}/orders}): only what fulfilment needs,
 * its lines, money and where to ship. Nothing else of the customer, nor of the other stores' parts.
 */
public record StoreOrderResponse(UUID id, UUID orderId, String storeId, SellerOrderState status,
                                 List<OrderResponse.Item> items, Money merchandise, Money shipping, Money discount,
                                 Money total, OrderResponse.ShippingMethod shippingMethod,
                                 OrderResponse.Delivery delivery, DeliveryAddress shipTo, Instant confirmedAt,
                                 SellerOrder.Shipment shipment, Instant deliveredAt, Instant returnWindowEndsAt) {

    public static StoreOrderResponse of(UUID orderId, SellerOrder part, DeliveryAddress shipTo,
                                        OrderResponse.Delivery delivery) {
        var view = OrderResponse.SellerOrderView.of(part, delivery);
        return new StoreOrderResponse(part.id(), orderId, part.storeId(), part.status(), view.items(),
                view.merchandise(), view.shipping(), view.discount(), view.total(), view.shippingMethod(),
                view.delivery(), shipTo, part.confirmedAt(), part.shipment(), part.deliveredAt(),
                part.returnWindowEndsAt());
    }
}
