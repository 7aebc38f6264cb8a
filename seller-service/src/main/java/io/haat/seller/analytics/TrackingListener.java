package io.haat.seller.analytics;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.catalog.ProductTracked;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import java.util.UUID;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Counts product views, search clicks and add-to-cart from {@code catalog.tracking}, once per event. */
@Component
public class TrackingListener {

    static final String GROUP = "seller-service.tracking";

    private final ProcessedEvents processed;
    private final SalesRecorder recorder;
    private final EventRouter router;

    public TrackingListener(EventEnvelopes envelopes, ProcessedEvents processed, SalesRecorder recorder) {
        this.processed = processed;
        this.recorder = recorder;
        // no guard: an activity of an unknown kind is skipped without being recorded as processed
        this.router = EventRouter.builder(envelopes).on(ProductTracked.class, this::record).build();
    }

    @KafkaListener(topics = Topics.CATALOG_TRACKING, groupId = "${haat.seller.kafka.group-prefix:seller-service}.tracking")
    public void onTracking(String value) {
        router.dispatch(value);
    }

    /** Records the event once if it is a product activity of a known kind for a store; false otherwise. */
    public boolean record(EventEnvelope<ProductTracked> envelope) {
        ProductTracked tracked = envelope.payload();
        UUID storeId = storeId(tracked.storeId());
        var activity = ProductActivity.fromKind(tracked.kind());
        if (storeId == null || tracked.productId() == null || activity.isEmpty()) {
            return false;
        }
        var at = tracked.at() != null ? tracked.at() : envelope.occurredAt();
        return processed.runOnce(GROUP, envelope,
                () -> recorder.productActivity(storeId, tracked.productId(), at, activity.get()));
    }

    private static UUID storeId(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
