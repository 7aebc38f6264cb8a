package io.haat.catalog.store;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.events.seller.StoreChanged;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the local copies of stores and sellers from seller-service's events and tells the product side when a
 * store's products must appear or disappear (store suspended or closed, seller banned). Idempotent: copies are
 * versioned upserts and visibility is recomputed from them.
 */
@Component
public class SellerEventsListener {

    private final LocalCopies copies;
    private final StoreDirectory directory;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final EventRouter storeEvents;
    private final EventRouter sellerEvents;

    public SellerEventsListener(EventEnvelopes envelopes, LocalCopies copies, StoreDirectory directory,
                                ApplicationEventPublisher publisher, Clock clock) {
        this.copies = copies;
        this.directory = directory;
        this.publisher = publisher;
        this.clock = clock;
        this.storeEvents = EventRouter.builder(envelopes).on(StoreChanged.class, this::storeChanged).build();
        this.sellerEvents = EventRouter.builder(envelopes).on(SellerStatusChanged.class, this::sellerChanged).build();
    }

    @KafkaListener(topics = Topics.SELLER_STORE)
    public void onStoreEvent(String value) {
        storeEvents.dispatch(value);
    }

    @KafkaListener(topics = Topics.SELLER_SELLER)
    public void onSellerEvent(String value) {
        sellerEvents.dispatch(value);
    }

    private void storeChanged(EventEnvelope<StoreChanged> event) {
        StoreChanged changed = event.payload();
        copies.apply(new StoreCopy(changed.storeId(), changed.sellerId(), changed.name(), changed.slug(),
                changed.status(), event.aggregateVersion(), clock.instant()));
        // recompute from the copy (the newest known state), also when this event was stale
        copies.store(changed.storeId()).ifPresent(this::announceVisibility);
    }

    private void sellerChanged(EventEnvelope<SellerStatusChanged> event) {
        SellerStatusChanged changed = event.payload();
        copies.apply(new SellerCopy(changed.sellerId(), changed.userId(), changed.businessName(), changed.status(),
                event.aggregateVersion(), clock.instant()));
        copies.storesOfSeller(changed.sellerId()).forEach(this::announceVisibility);
    }

    private void announceVisibility(StoreCopy store) {
        publisher.publishEvent(new StoreVisibilityChanged(store.id(), directory.isPubliclyVisible(store)));
    }
}
