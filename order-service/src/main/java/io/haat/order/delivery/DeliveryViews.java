package io.haat.order.delivery;

import io.haat.order.order.Deliveries;
import io.haat.order.order.OrderResponse;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The deliveries the order's reads show (customer and store views). */
@Component
class DeliveryViews implements Deliveries {

    private final DeliveryRepository deliveries;

    DeliveryViews(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public Map<UUID, OrderResponse.Delivery> of(Collection<UUID> sellerOrderIds) {
        Map<UUID, OrderResponse.Delivery> views = new HashMap<>();
        if (sellerOrderIds.isEmpty()) {
            return views;
        }
        for (Delivery delivery : deliveries.ofSellerOrders(sellerOrderIds)) {
            views.put(delivery.sellerOrderId(), view(delivery));
        }
        return views;
    }

    static OrderResponse.Delivery view(Delivery delivery) {
        return new OrderResponse.Delivery(delivery.id(), delivery.status(), delivery.agentId(),
                delivery.estimatedFrom(), delivery.estimatedTo(), delivery.carrier(), delivery.trackingNumber(),
                delivery.trackingUrl(), delivery.steps().stream()
                .map(step -> new OrderResponse.Step(step.status(), step.at(), step.location(), step.note())).toList());
    }
}
