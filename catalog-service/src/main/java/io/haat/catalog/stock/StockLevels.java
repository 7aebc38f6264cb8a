package io.haat.catalog.stock;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.inventory.StockLevelChanged;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Per-variant availability: consumes {@code seller.inventory} (newer inventory version wins, so redelivered and
 * late events are no-ops) and answers lookups for the variants of a product or a page of products.
 */
@Component
public class StockLevels {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final EventRouter router;
    private final ApplicationEventPublisher publisher;

    public StockLevels(MongoTemplate mongo, EventEnvelopes envelopes, Clock clock, ApplicationEventPublisher publisher) {
        this.mongo = mongo;
        this.clock = clock;
        this.publisher = publisher;
        this.router = EventRouter.builder(envelopes).on(StockLevelChanged.class, this::levelChanged).build();
    }

    @KafkaListener(topics = Topics.SELLER_INVENTORY)
    public void onInventoryEvent(String value) {
        router.dispatch(value);
    }

    private void levelChanged(EventEnvelope<StockLevelChanged> event) {
        StockLevelChanged changed = event.payload();
        apply(new StockLevel(StockLevel.idOf(changed.storeId(), changed.sku()), changed.storeId(), changed.sku(),
                changed.quantity(), changed.reserved(), changed.available(), event.aggregateVersion(),
                clock.instant()));
    }

    /** Stores the level unless one of the same or a newer inventory version is there; announces it when stored. */
    public void apply(StockLevel level) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(level.id()).and("version").lt(level.version()));
        try {
            mongo.findAndReplace(olderOrMissing, level, FindAndReplaceOptions.options().upsert());
        } catch (DuplicateKeyException e) {
            return; // a newer level is already known
        }
        publisher.publishEvent(new StockLevelApplied(level.storeId(), level.sku()));
    }

    /** The known levels of these SKUs of one store, by SKU; an SKU never stocked is absent. */
    public Map<String, StockLevel> of(String storeId, Collection<String> skus) {
        List<String> ids = skus.stream().map(sku -> StockLevel.idOf(storeId, sku)).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), StockLevel.class).stream()
                .collect(Collectors.toMap(StockLevel::sku, Function.identity(), (a, b) -> a));
    }

    /** The known levels of many store SKUs at once, by {@link StockLevel#idOf id}. */
    public Map<String, StockLevel> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), StockLevel.class).stream()
                .collect(Collectors.toMap(StockLevel::id, Function.identity()));
    }
}
