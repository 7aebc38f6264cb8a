package io.haat.notification.chat;

import io.haat.events.Topics;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.events.seller.StoreChanged;
import io.haat.events.seller.StoreStatus;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Which user answers a store's chats, learned from seller-service's events: {@code StoreChanged} names the store's
 * seller, {@code SellerStatusChanged} the seller's user. Both are upserts keyed by the aggregate id, applied only
 * when the event's aggregate version is not older than what is stored, so redelivery and replay change nothing.
 */
@Component
public class StoreDirectory {

    static final String STORES = "chat_stores";
    static final String SELLERS = "chat_sellers";

    private final MongoTemplate mongo;
    private final EventRouter router;

    public StoreDirectory(EventEnvelopes envelopes, MongoTemplate mongo) {
        this.mongo = mongo;
        this.router = EventRouter.builder(envelopes)
                .on(StoreChanged.class, event -> {
                    StoreChanged store = event.payload();
                    remember(STORES, store.storeId(), event.aggregateVersion(), new Update()
                            .set("sellerId", store.sellerId()).set("name", store.name())
                            .set("status", store.status() == null ? null : store.status().name()));
                })
                .on(SellerStatusChanged.class, event -> remember(SELLERS, event.payload().sellerId(),
                        event.aggregateVersion(), new Update().set("userId", event.payload().userId())))
                .build();
    }

    @KafkaListener(topics = {Topics.SELLER_STORE, Topics.SELLER_SELLER}, groupId = "notification-service.chat-stores")
    void onSellerEvent(String value) {
        router.dispatch(value);
    }

    /** A store chats can be opened with: known and ACTIVE. */
    public Optional<Store> activeStore(String storeId) {
        Document store = mongo.findById(storeId, Document.class, STORES);
        if (store == null || !StoreStatus.ACTIVE.name().equals(store.getString("status"))) {
            return Optional.empty();
        }
        return Optional.of(new Store(storeId, store.getString("name")));
    }

    /** The user of the seller who runs the store, once both events have been seen. */
    public Optional<String> sellerUserOf(String storeId) {
        Document store = mongo.findById(storeId, Document.class, STORES);
        if (store == null || store.getString("sellerId") == null) {
            return Optional.empty();
        }
        Document seller = mongo.findById(store.getString("sellerId"), Document.class, SELLERS);
        return Optional.ofNullable(seller == null ? null : seller.getString("userId"));
    }

    /** The stores whose seller is {@code userId}. */
    public List<String> storesOf(String userId) {
        List<Object> sellerIds = mongo.find(Query.query(Criteria.where("userId").is(userId)), Document.class, SELLERS)
                .stream().map(seller -> seller.get("_id")).toList();
        if (sellerIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("sellerId").in(sellerIds)), Document.class, STORES).stream()
                .map(store -> store.getString("_id")).toList();
    }

    private void remember(String collection, String id, long version, Update update) {
        // not older than what we have: a replayed old event leaves the newer state alone
        Query current = Query.query(Criteria.where("_id").is(id).and("version").gt(version));
        if (mongo.exists(current, collection)) {
            return;
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update.set("version", version), collection);
    }

    /** A store as chats show it. */
    public record Store(String id, String name) {
    }
}
