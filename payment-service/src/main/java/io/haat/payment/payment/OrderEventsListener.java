package io.haat.payment.payment;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.orders.CashCollected;
import io.haat.events.orders.OrderAwaitingPayment;
import io.haat.events.orders.OrderCancelled;
import io.haat.events.orders.OrderConfirmed;
import io.haat.events.orders.RefundRequested;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import java.util.ArrayList;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code orders.order} (group {@code <prefix>.orders}), each event applied once
 * ({@link ProcessedEvents#runOnce}) by {@link OrderEventHandler}, {@link CashCollections} (cash collected on
 * delivery) and {@link RequestedRefunds} (returns, disputes). Refunds a cancellation or a request records are carried out
 * after its transaction commits, outside it (the provider is called); if that fails, the payments job retries.
 */
@Component
public class OrderEventsListener {

    static final String GROUP = "payment-service.orders";

    private final EventRouter router;
    private final RefundWorker refunds;
    // refund ids recorded by the event being dispatched on this thread (the listener container calls one at a time
    // per thread; the list is drained right after dispatch)
    private final ThreadLocal<List<String>> recorded = ThreadLocal.withInitial(ArrayList::new);

    public OrderEventsListener(EventEnvelopes envelopes, ProcessedEvents processed, OrderEventHandler handler,
                               CashCollections collections, RequestedRefunds requested, RefundWorker refunds) {
        this.refunds = refunds;
        this.router = EventRouter.builder(envelopes)
                .guard((event, effect) -> processed.runOnce(GROUP, event, effect))
                .on(OrderAwaitingPayment.class, event -> handler.awaitingPayment(event.payload(), event.occurredAt()))
                .on(OrderConfirmed.class, event -> handler.confirmed(event.payload(), event.occurredAt()))
                .on(OrderCancelled.class, (EventEnvelope<OrderCancelled> event) ->
                        recorded.get().addAll(handler.cancelled(event.payload(), event.occurredAt())))
                .on(SellerOrderStatusChanged.class, (EventEnvelope<SellerOrderStatusChanged> event) ->
                        recorded.get().addAll(handler.sellerOrderCancelled(event.payload())))
                .on(CashCollected.class, event -> collections.collected(event.payload()))
                .on(RefundRequested.class, (EventEnvelope<RefundRequested> event) ->
                        recorded.get().addAll(requested.requested(event.payload())))
                .build();
    }

    @KafkaListener(topics = Topics.ORDERS_ORDER, groupId = "${haat.payment.kafka.group-prefix:payment-service}.orders")
    public void onOrderEvent(String value) {
        try {
            router.dispatch(value);
            refunds.process(List.copyOf(recorded.get()));
        } finally {
            recorded.remove();
        }
    }
}
