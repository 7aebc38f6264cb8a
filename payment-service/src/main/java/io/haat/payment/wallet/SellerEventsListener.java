package io.haat.payment.wallet;

import io.haat.events.Topics;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link SellerOwners} up to date from {@code seller.seller}, each event applied once. */
@Component
public class SellerEventsListener {

    static final String GROUP = "payment-service.sellers";

    private final EventRouter router;

    public SellerEventsListener(EventEnvelopes envelopes, ProcessedEvents processed, SellerOwners owners) {
        this.router = EventRouter.builder(envelopes)
                .guard((event, effect) -> processed.runOnce(GROUP, event, effect))
                .on(SellerStatusChanged.class, event -> {
                    SellerStatusChanged changed = event.payload();
                    if (changed.sellerId() != null && changed.userId() != null) {
                        owners.remember(changed.sellerId(), changed.userId(), event.occurredAt());
                    }
                })
                .build();
    }

    @KafkaListener(topics = Topics.SELLER_SELLER, groupId = "${haat.payment.kafka.group-prefix:payment-service}.sellers")
    public void onSellerEvent(String value) {
        router.dispatch(value);
    }
}
