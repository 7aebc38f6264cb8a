package io.haat.payment.ledger;

import io.haat.events.Topics;
import io.haat.events.orders.SellerOrderStatus;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Pending → available: a seller order COMPLETED on {@code orders.order} (delivered and its return window over) moves
 * its earnings to the seller's available balance. Once per event ({@code processed_event}) and once per seller order
 * (the ledger's {@code seller_order_completion}); every other status and event type is not this listener's business.
 */
@Component
public class CompletionsListener {

    static final String GROUP = "payment-service.completions";

    private final EventRouter router;

    public CompletionsListener(EventEnvelopes envelopes, ProcessedEvents processed, Ledger ledger) {
        this.router = EventRouter.builder(envelopes)
                .guard((event, effect) -> processed.runOnce(GROUP, event, effect))
                .on(SellerOrderStatusChanged.class, event -> {
                    SellerOrderStatusChanged changed = event.payload();
                    if (changed.status() == SellerOrderStatus.COMPLETED) {
                        ledger.postCompletion(changed.sellerOrderId(), changed.orderId());
                    }
                })
                .build();
    }

    @KafkaListener(topics = Topics.ORDERS_ORDER,
            groupId = "${haat.payment.kafka.group-prefix:payment-service}.completions")
    public void onOrderEvent(String value) {
        router.dispatch(value);
    }
}
