package io.haat.catalog.search;

import io.haat.catalog.category.CategoryChanged;
import io.haat.catalog.product.ProductsWritten;
import io.haat.catalog.stock.StockLevelApplied;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What changed for search, in MongoDB ({@code search_changes}), so that every replica's index learns of writes
 * made by any replica: a product, all products of a store, a store's SKU (stock) or a category. Entries are
 * written right after the change they name is stored and expire after the configured retention. Times are the
 * writer's wall clock; readers re-read a short overlap, so clocks a little apart lose nothing.
 */
@Component
public class SearchChangeLog {

    static final String COLLECTION = "search_changes";
    static final String META = "search_meta";

    /** What an entry names. */
    enum Kind { PRODUCT, STORE, SKU, CATEGORY }

    /** One entry: {@code key} is the product, store, SKU or category id; {@code storeId} goes with a SKU. */
    record Change(ObjectId id, long at, Kind kind, String key, String storeId) {
    }

    private static final Logger log = LoggerFactory.getLogger(SearchChangeLog.class);

    private final MongoTemplate mongo;
    private final SearchProperties settings;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public SearchChangeLog(MongoTemplate mongo, SearchProperties settings) {
        this.mongo = mongo;
        this.settings = settings;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.ASC)
                .expire(settings.changeRetention()));
    }

    @EventListener
    void onProducts(ProductsWritten written) {
        if (written.productId() != null) {
            record(Kind.PRODUCT, written.productId(), null);
        } else {
            record(Kind.STORE, written.storeId(), written.storeId());
        }
    }

    @EventListener
    void onStock(StockLevelApplied applied) {
        record(Kind.SKU, applied.sku(), applied.storeId());
    }

    @EventListener
    void onCategory(CategoryChanged changed) {
        record(Kind.CATEGORY, changed.categoryId(), null);
    }

    /** Runs {@code listener} after each entry this replica writes (the local indexer wakes up at once). */
    void onRecorded(Runnable listener) {
        listeners.add(listener);
    }

    void record(Kind kind, String key, String storeId) {
        Document entry = new Document("_id", new ObjectId()).append("at", new Date(System.currentTimeMillis()))
                .append("kind", kind.name()).append("key", key);
        if (storeId != null) {
            entry.append("storeId", storeId);
        }
        try {
            mongo.getCollection(COLLECTION).insertOne(entry);
        } catch (RuntimeException e) {
            // the write it describes is stored already: the index misses it until the next rebuild
            log.error("search change log entry not written ({} {}): the search index misses it until a reindex",
                    kind, key, e);
            return;
        }
        listeners.forEach(Runnable::run);
    }

    /** Entries written at or after {@code fromMillis}, oldest first, at most {@code limit}. */
    List<Change> since(long fromMillis, int limit) {
        Query query = Query.query(Criteria.where("at").gte(new Date(fromMillis)))
                .with(Sort.by(Sort.Direction.ASC, "at")).limit(limit);
        List<Change> changes = new ArrayList<>();
        for (Document d : mongo.find(query, Document.class, COLLECTION)) {
            changes.add(new Change(d.getObjectId("_id"), d.getDate("at").getTime(), Kind.valueOf(d.getString("kind")),
                    d.getString("key"), d.getString("storeId")));
        }
        return changes;
    }

    /**
     * The identity of this catalog database, made once: an index built from another database (a restored or
     * recreated one) is rebuilt rather than trusted.
     */
    String databaseId() {
        Query query = Query.query(Criteria.where("_id").is("database"));
        Document existing = mongo.findOne(query, Document.class, META);
        if (existing != null) {
            return existing.getString("value");
        }
        try {
            mongo.insert(new Document("_id", "database").append("value", UUID.randomUUID().toString()), META);
        } catch (DuplicateKeyException e) {
            // another replica made it first
        }
        return mongo.findOne(query, Document.class, META).getString("value");
    }
}
