package io.haat.seller.analytics;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.catalog.ProductTracked;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import java.util.UUID;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Counts product views, search clicks and add-to-cart from {@code catalog.tracking}, once per event. */
@Component
public class TrackingListener {

    static final String GROUP = "seller-service.tracking";

    private final EventEnvelopes envelopes;
    private final ProcessedEvents processed;
    private final SalesRecorder recorder;

    public TrackingListener(EventEnvelopes envelopes, ProcessedEvents processed, SalesRecorder recorder) {
        this.envelopes = envelopes;
        this.processed = processed;
        this.recorder = recorder;
    }

    @KafkaListener(topics = Topics.CATALOG_TRACKING, groupId = "${haat.seller.kafka.group-prefix:seller-service}.tracking")
    public void onTracking(String value) {
        handle(envelopes.parse(value));
    }

    /** Records the event if it is a product activity of a known kind for a store; false otherwise. */
    public boolean handle(EventEnvelope<JsonNode> envelope) {
        if (!"ProductTracked".equals(envelope.type())) {
            return false;
        }
        ProductTracked tracked = envelopes.withPayload(envelope, ProductTracked.class).payload();
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
