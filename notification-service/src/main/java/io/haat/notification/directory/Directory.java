package io.haat.notification.directory;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Small local copies learnt from the events, to know who a message is for and where to send it: users (email,
 * name, from identity), sellers (their user, from seller-service), stores (their seller) and orders (their customer:
 * payment events do not carry it). Each copy is an upsert guarded by the aggregate version, so a redelivered or
 * late event never overwrites newer data.
 */
@Service
public class Directory {

    static final String USERS = "directory_users";
    static final String SELLERS = "directory_sellers";
    static final String STORES = "directory_stores";
    static final String ORDERS = "directory_orders";

    private final MongoTemplate mongo;

    public Directory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void user(String userId, String email, String fullName, long version) {
        upsert(USERS, userId, version, new Update().set("email", email).set("fullName", fullName));
    }

    public Optional<Contact> contact(String userId) {
        return find(USERS, userId).filter(d -> d.getString("email") != null)
                .map(d -> new Contact(userId, d.getString("email"), d.getString("fullName")));
    }

    public void seller(String sellerId, String userId, String businessName, long version) {
        upsert(SELLERS, sellerId, version, new Update().set("userId", userId).set("businessName", businessName));
    }

    public Optional<String> userOfSeller(String sellerId) {
        return find(SELLERS, sellerId).map(d -> d.getString("userId"));
    }

    public void store(String storeId, String sellerId, String name, long version) {
        upsert(STORES, storeId, version, new Update().set("sellerId", sellerId).set("name", name));
    }

    public Optional<String> sellerOfStore(String storeId) {
        return find(STORES, storeId).map(d -> d.getString("sellerId"));
    }

    public Optional<String> storeName(String storeId) {
        return find(STORES, storeId).map(d -> d.getString("name"));
    }

    /** The user who answers a store's chats: its seller's user, once both copies are known. */
    public Optional<String> userOfStore(String storeId) {
        return sellerOfStore(storeId).flatMap(this::userOfSeller);
    }

    /** The stores run by the seller whose user is {@code userId}. */
    public List<String> storesOfUser(String userId) {
        List<Object> sellerIds = mongo.find(Query.query(Criteria.where("userId").is(userId)), Document.class, SELLERS)
                .stream().map(seller -> seller.get("_id")).toList();
        return sellerIds.isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("sellerId").in(sellerIds)), Document.class, STORES).stream()
                        .map(store -> store.getString("_id")).toList();
    }

    /** One store's part of an order. */
    public record OrderStore(String storeId, String sellerId) {
    }

    /** An order's customer and stores never change: the first copy stays. */
    public void order(String orderId, String customerId, List<OrderStore> stores) {
        if (orderId != null && customerId != null) {
            List<Document> parts = stores.stream()
                    .map(s -> new Document("storeId", s.storeId()).append("sellerId", s.sellerId())).toList();
            mongo.upsert(Query.query(Criteria.where("_id").is(orderId)), new Update()
                    .setOnInsert("customerId", customerId).setOnInsert("stores", parts), ORDERS);
        }
    }

    public List<OrderStore> storesOf(String orderId) {
        return find(ORDERS, orderId).map(d -> d.getList("stores", Document.class, List.of()).stream()
                .map(s -> new OrderStore(s.getString("storeId"), s.getString("sellerId"))).toList())
                .orElse(List.of());
    }

    public Optional<String> customerOf(String orderId) {
        return find(ORDERS, orderId).map(d -> d.getString("customerId"));
    }

    private Optional<Document> find(String collection, String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id, Document.class, collection));
    }

    private void upsert(String collection, String id, long version, Update update) {
        if (id == null) {
            return;
        }
        try {
            // matches only an older copy (or none: then inserts); a newer copy makes the insert collide: kept
            mongo.upsert(Query.query(Criteria.where("_id").is(id).and("version").lte(version)),
                    update.set("version", version), collection);
        } catch (DuplicateKeyException newerCopyKept) {
            // a newer version is already there
        }
    }
}
