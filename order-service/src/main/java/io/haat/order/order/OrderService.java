package io.haat.order.order;

import io.haat.platform.web.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer's own change of an order: cancel it before shipment. */
@Service
public class OrderService {

    private final OrderRepository orders;
    private final OrderSaga saga;

    public OrderService(OrderRepository orders, OrderSaga saga) {
        this.orders = orders;
        this.saga = saga;
    }

    /** Cancels the caller's order (already cancelled: unchanged); another customer's order is 404. */
    @Transactional
    public Order cancel(UUID customerId, UUID orderId) {
        Order order = orders.find(orderId).filter(o -> o.customerId().equals(customerId))
                .orElseThrow(() -> notFound(orderId));
        return saga.change(order.id().toString(), o -> o.cancelByCustomer(saga.now()));
    }

    static NotFoundException notFound(UUID orderId) {
        return new NotFoundException("order-not-found", "Order not found", "Order " + orderId + " was not found.");
    }
}
