package io.haat.catalog.recommendation;

import io.haat.catalog.product.Product;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The behaviour recommendations learn from, in MongoDB, counted by {@link CoOccurrence}'s rules:
 * <ul>
 *   <li>{@code reco_pairs}: one document per ordered product pair and kind ({@code PURCHASE}: in one order;
 *       {@code VIEW}: viewed by one customer within a session), {@code $inc}-ed;</li>
 *   <li>{@code reco_popularity}: views and purchases per product, with the product's category and the
 *       {@code score} popular lists sort by;</li>
 *   <li>{@code reco_customers}: a customer's latest views and purchases (at most {@link CoOccurrence#HISTORY});</li>
 *   <li>{@code reco_orders}: the orders already counted, so a redelivered {@code OrderPlaced} counts once.</li>
 * </ul>
 */
@Component
public class InteractionStore implements Signals {

    static final String PAIRS = "reco_pairs";
    static final String POPULARITY = "reco_popularity";
    static final String CUSTOMERS = "reco_customers";
    static final String ORDERS = "reco_orders";

    enum Kind { PURCHASE, VIEW }

    private final MongoTemplate mongo;

    public InteractionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void indexes() {
        mongo.indexOps(PAIRS).createIndex(new Index().on("productId", Sort.Direction.ASC).on("kind", Sort.Direction.ASC)
                .on("count", Sort.Direction.DESC).named("product_kind_count"));
        mongo.indexOps(POPULARITY).createIndex(new Index().on("score", Sort.Direction.DESC).named("score"));
        mongo.indexOps(POPULARITY).createIndex(new Index().on("categoryId", Sort.Direction.ASC)
                .on("score", Sort.Direction.DESC).named("category_score"));
    }

    /**
     * Counts an order once: its product pairs, a purchase of each product and the customer's history. False when
     * the order was counted before. The order is marked first, so a crash part-way loses counts rather than
     * doubling them.
     */
    public boolean recordOrder(String orderId, String customerId, List<String> productIds, Instant at) {
        try {
            mongo.insert(new Document("_id", orderId).append("customerId", customerId).append("at", Date.from(at)),
                    ORDERS);
        } catch (DuplicateKeyException e) {
            return false;
        }
        for (CoOccurrence.Pair pair : CoOccurrence.orderPairs(productIds)) {
            increment(Kind.PURCHASE, pair);
        }
        for (String productId : productIds.stream().distinct().toList()) {
            count(productId, 0, 1);
        }
        if (customerId != null) {
            Document customer = customer(customerId);
            List<Document> purchases = new ArrayList<>();
            productIds.stream().distinct().forEach(id -> purchases.add(new Document("productId", id)
                    .append("at", Date.from(at))));
            for (Document earlier : customer.getList("purchases", Document.class, List.of())) {
                if (purchases.size() < CoOccurrence.HISTORY && !productIds.contains(earlier.getString("productId"))) {
                    purchases.add(earlier);
                }
            }
            mongo.upsert(Query.query(Criteria.where("_id").is(customerId)), Update.update("purchases", purchases),
                    CUSTOMERS);
        }
        return true;
    }

    /**
     * Counts a product view; a signed-in customer's view also pairs the product with the others they viewed in
     * the session before it. Views are best effort (like their tracking): a redelivered one counts again.
     */
    public void recordView(String customerId, String productId, Instant at) {
        count(productId, 1, 0);
        if (customerId == null) {
            return;
        }
        Document customer = customer(customerId);
        List<Document> stored = customer.getList("views", Document.class, List.of());
        List<CoOccurrence.View> earlier = stored.stream()
                .map(v -> new CoOccurrence.View(v.getString("productId"), v.getDate("at").toInstant())).toList();
        for (CoOccurrence.Pair pair : CoOccurrence.viewPairs(productId, at, earlier)) {
            increment(Kind.VIEW, pair);
        }
        List<Document> views = new ArrayList<>();
        views.add(new Document("productId", productId).append("at", Date.from(at)));
        for (Document view : stored) {
            if (views.size() >= CoOccurrence.HISTORY) {
                break;
            }
            views.add(view);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(customerId)), Update.update("views", views), CUSTOMERS);
    }

    @Override
    public Map<String, Long> boughtWith(String productId, int limit) {
        return together(Kind.PURCHASE, productId, limit);
    }

    @Override
    public Map<String, Long> viewedWith(String productId, int limit) {
        return together(Kind.VIEW, productId, limit);
    }

    @Override
    public List<String> popular(int limit) {
        return ids(new Query(), limit);
    }

    @Override
    public List<String> popularIn(Collection<String> categoryIds, int limit) {
        return ids(Query.query(Criteria.where("categoryId").in(categoryIds)), limit);
    }

    @Override
    public History history(String customerId) {
        Document customer = customer(customerId);
        return new History(productIds(customer, "views"), productIds(customer, "purchases"));
    }

    private Map<String, Long> together(Kind kind, String productId, int limit) {
        Query query = Query.query(Criteria.where("productId").is(productId).and("kind").is(kind.name()))
                .with(Sort.by(Sort.Direction.DESC, "count")).limit(limit);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Document pair : mongo.find(query, Document.class, PAIRS)) {
            counts.put(pair.getString("otherId"), ((Number) pair.get("count")).longValue());
        }
        return counts;
    }

    private void increment(Kind kind, CoOccurrence.Pair pair) {
        mongo.upsert(Query.query(Criteria.where("_id").is(kind + ":" + pair.productId() + ":" + pair.otherId())),
                new Update().setOnInsert("kind", kind.name()).setOnInsert("productId", pair.productId())
                        .setOnInsert("otherId", pair.otherId()).inc("count", 1L), PAIRS);
    }

    private void count(String productId, long views, long purchases) {
        Update update = new Update().inc("views", views).inc("purchases", purchases)
                .inc("score", CoOccurrence.popularity(views, purchases));
        String categoryId = categoryOf(productId);
        if (categoryId != null) {
            update.set("categoryId", categoryId);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(productId)), update, POPULARITY);
    }

    private String categoryOf(String productId) {
        Query query = Query.query(Criteria.where("_id").is(productId));
        query.fields().include("categoryId");
        Document product = mongo.findOne(query, Document.class, mongo.getCollectionName(Product.class));
        return product == null ? null : product.getString("categoryId");
    }

    private List<String> ids(Query query, int limit) {
        query.with(Sort.by(Sort.Direction.DESC, "score").and(Sort.by("_id"))).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, POPULARITY).stream().map(d -> d.getString("_id")).toList();
    }

    private Document customer(String customerId) {
        Document customer = mongo.findById(customerId, Document.class, CUSTOMERS);
        return customer == null ? new Document() : customer;
    }

    private static List<String> productIds(Document customer, String field) {
        return customer.getList(field, Document.class, List.of()).stream().map(d -> d.getString("productId"))
                .distinct().toList();
    }
}
