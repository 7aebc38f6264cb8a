package io.haat.seller.orders;

import io.haat.events.inventory.StockLine;
import io.haat.events.orders.OrderCancelled;
import io.haat.events.orders.OrderConfirmed;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.ReturnStatus;
import io.haat.events.orders.ReturnStatusChanged;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.platform.messaging.MalformedEventException;
import io.haat.seller.reservation.ReservationOutcome;
import io.haat.seller.reservation.ReservationService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What each order event means for stock and for the store-order copy; runs in the consumer's transaction. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class OrderEventHandler {

    private final ReservationService reservations;
    private final SellerOrderTracker storeOrders;

    public OrderEventHandler(ReservationService reservations, SellerOrderTracker storeOrders) {
        this.reservations = reservations;
        this.storeOrders = storeOrders;
    }

    public ReservationOutcome placed(OrderPlaced order, Instant at) {
        List<StockLine> lines = order.lines() == null ? List.of() : order.lines().stream()
                .map(line -> new StockLine(line.storeId(), line.sku(), line.quantity())).toList();
        ReservationOutcome outcome = reservations.reserve(order.orderId(), order.customerId(), lines);
        if (outcome instanceof ReservationOutcome.Reserved) {
            storeOrders.placed(order, at);
        }
        return outcome;
    }

    public void confirmed(OrderConfirmed order, Instant at) {
        reservations.commit(order.orderId());
        storeOrders.confirmed(order.orderId(), at);
    }

    public void cancelled(OrderCancelled order, Instant at) {
        reservations.cancel(order.orderId(), order.customerId());
        storeOrders.cancelled(order.orderId(), at);
    }

    /** A received return goes back in stock, once per return id; the other return statuses change no stock. */
    public void returnChanged(ReturnStatusChanged event) {
        if (event.status() != ReturnStatus.RECEIVED) {
            return;
        }
        UUID storeId;
        try {
            storeId = UUID.fromString(event.storeId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("return " + event.returnId() + " names no store: " + event.storeId(), e);
        }
        reservations.restockReturn(event.returnId(), event.orderId(), storeId, event.lines());
    }

    public void sellerOrderChanged(SellerOrderStatusChanged event, Instant at) {
        if (storeOrders.sellerOrderChanged(event, at)) {
            reservations.cancelStorePart(event.orderId(), UUID.fromString(event.storeId()));
        }
    }
}
