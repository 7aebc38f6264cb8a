package io.haat.notification.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
 *
 * <p>The facts that never change once known (an order's customer and stores, a seller's user, a store's seller) are
 * also remembered in memory, a bounded number of each: the order consumer asks them for nearly every event, and each
 * question was a database round trip on the path of the customer's live update. Names and email addresses can change
 * and are always read.
 */
@Service
public class Directory {

    static final String USERS = "directory_users";
    static final String SELLERS = "directory_sellers";
    static final String STORES = "directory_stores";
    static final String ORDERS = "directory_orders";

    /** How many orders, sellers and stores each are remembered in memory (the most recently used). */
    static final int REMEMBERED = 10_000;

    private final MongoTemplate mongo;
    private final Remembered<String> userOfSeller = new Remembered<>(REMEMBERED);
    private final Remembered<String> sellerOfStore = new Remembered<>(REMEMBERED);
    private final Remembered<KnownOrder> orders = new Remembered<>(REMEMBERED);

    public Directory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** An order's customer and stores. */
    private record KnownOrder(String customerId, List<OrderStore> stores) {
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
        return userOfSeller.get(sellerId, () -> find(SELLERS, sellerId).map(d -> d.getString("userId")));
    }

    public void store(String storeId, String sellerId, String name, long version) {
        upsert(STORES, storeId, version, new Update().set("sellerId", sellerId).set("name", name));
    }

    public Optional<String> sellerOfStore(String storeId) {
        return sellerOfStore.get(storeId, () -> find(STORES, storeId).map(d -> d.getString("sellerId")));
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
            // OrderPlaced again carries the same order: what it says is what the first copy holds
            orders.put(orderId, new KnownOrder(customerId, List.copyOf(stores)));
        }
    }

    public List<OrderStore> storesOf(String orderId) {
        return order(orderId).map(KnownOrder::stores).orElse(List.of());
    }

    public Optional<String> customerOf(String orderId) {
        return order(orderId).map(KnownOrder::customerId);
    }

    private Optional<KnownOrder> order(String orderId) {
        return orders.get(orderId, () -> find(ORDERS, orderId).map(d -> new KnownOrder(d.getString("customerId"),
                d.getList("stores", Document.class, List.of()).stream()
                        .map(s -> new OrderStore(s.getString("storeId"), s.getString("sellerId"))).toList())));
    }

    /**
     * Values that never change once known, the most recently used {@code capacity} of them. Only what was found is
     * remembered: "not known yet" is asked again.
     */
    private static final class Remembered<V> {

        private final Map<String, V> values;

        Remembered(int capacity) {
            this.values = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                    return size() > capacity;
                }
            };
        }

        Optional<V> get(String key, Supplier<Optional<V>> lookup) {
            if (key == null) {
                return Optional.empty();
            }
            synchronized (values) {
                V known = values.get(key);
                if (known != null) {
                    return Optional.of(known);
                }
            }
            Optional<V> found = lookup.get();
            found.ifPresent(value -> put(key, value));
            return found;
        }

        void put(String key, V value) {
            synchronized (values) {
                values.put(key, value);
            }
        }
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
