package io.haat.order.store;

import io.haat.events.Topics;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.events.seller.StoreChanged;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link StoreCopies} from seller-service's {@code seller.store} and {@code seller.seller} events, each
 * applied once and only if newer than the copy.
 */
@Component
public class SellerEventsListener {

    static final String GROUP = "order-service.stores";

    private final EventRouter router;

    public SellerEventsListener(EventEnvelopes envelopes, ProcessedEvents processed, StoreCopies copies) {
        this.router = EventRouter.builder(envelopes)
                .guard((event, effect) -> processed.runOnce(GROUP, event, effect))
                .on(StoreChanged.class,
                        event -> copies.apply(event.payload(), event.aggregateVersion(), event.occurredAt()))
                .on(SellerStatusChanged.class,
                        event -> copies.apply(event.payload(), event.aggregateVersion(), event.occurredAt()))
                .build();
    }

    @KafkaListener(topics = {Topics.SELLER_STORE, Topics.SELLER_SELLER},
            groupId = "${haat.order.kafka.group-prefix:order-service}.stores")
    public void onEvent(String value) {
        router.dispatch(value);
    }

    /** Applies one record value as Kafka delivers it; false for a duplicate or a type not kept here. */
    public boolean handle(String value) {
        return router.dispatch(value);
    }
}
