package io.haat.catalog.product;

import io.haat.platform.messaging.mongo.MongoOutbox;
import io.haat.platform.messaging.mongo.PendingEvent;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.NotFoundException;
import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writes products. Never a whole-document replace: an edit {@code $set}s the fields it owns, checks the version
 * and increments it, and appends its events to the outbox in the same write, so the rating counters
 * ({@code $inc} by reviews), the images and events pending in the document are never overwritten. Every write is
 * announced as {@link ProductsWritten} once stored.
 */
@Component
public class ProductRepository {

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;
    private final ApplicationEventPublisher publisher;

    public ProductRepository(MongoTemplate mongo, MongoOutbox outbox, ApplicationEventPublisher publisher) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.publisher = publisher;
    }

    @PostConstruct
    void registerOutbox() {
        outbox.register(Product.class);
    }

    /** The product, without its pending events; deleted products are not found. */
    public Optional<Product> find(String id) {
        // by _id alone: the embedded test server scans the collection when the query adds other conditions
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().exclude(MongoOutbox.FIELD);
        return Optional.ofNullable(mongo.findOne(query, Product.class)).filter(p -> p.status() != ProductStatus.DELETED);
    }

    public Product require(String id) {
        return find(id).orElseThrow(() -> NotFoundException.of("Product", id));
    }

    public void insert(Product product, List<PendingEvent> events) {
        try {
            outbox.insert(product, events);
        } catch (DuplicateKeyException e) {
            throw duplicateSku(product, null);
        }
        publisher.publishEvent(ProductsWritten.one(product.id()));
    }

    /**
     * Saves {@code after} (a transition of {@code before}, its version one higher) over {@code before}, if the
     * document still has the version {@code before} was loaded with; returns the product as stored.
     */
    public Product update(Product before, Product after, List<PendingEvent> events) {
        Update update = new Update()
                .set("name", after.name()).set("description", after.description())
                .set("categoryId", after.categoryId()).set("brand", after.brand())
                .set("attributes", after.attributes()).set("options", after.options())
                .set("variants", after.variants()).set("minPriceMinor", after.minPriceMinor())
                .set("currency", after.currency()).set("status", after.status())
                .set("statusReason", after.statusReason()).set("updatedAt", after.updatedAt())
                .set("publishedAt", after.publishedAt())
                .set("version", after.currentVersion());
        try {
            var result = outbox.updateFirst(versioned(before), update, Product.class, events);
            if (result.getMatchedCount() == 0) {
                throw new OptimisticLockingFailureException("product " + before.id() + " changed concurrently");
            }
        } catch (DuplicateKeyException e) {
            throw duplicateSku(after, before.id());
        }
        publisher.publishEvent(ProductsWritten.one(after.id()));
        Query byId = Query.query(Criteria.where("_id").is(after.id()));
        byId.fields().exclude(MongoOutbox.FIELD);
        return mongo.findOne(byId, Product.class);
    }

    /** Products of the store that are not deleted. */
    public long countInStore(String storeId) {
        return mongo.count(Query.query(Criteria.where("storeId").is(storeId).and("status").ne(ProductStatus.DELETED)),
                Product.class);
    }

    /** The store started or stopped selling publicly: its products follow. */
    public void setStoreVisibility(String storeId, boolean visible) {
        mongo.updateMulti(Query.query(Criteria.where("storeId").is(storeId).and("storeVisible").ne(visible)),
                Update.update("storeVisible", visible), Product.class);
        publisher.publishEvent(ProductsWritten.ofStore(storeId));
    }

    /** Images change without touching the content; {@code images} is the complete new list. */
    public Product replaceImages(Product before, List<ProductImage> images) {
        var result = mongo.updateFirst(versioned(before),
                new Update().set("images", images).inc("version", 1), Product.class);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("product " + before.id() + " changed concurrently");
        }
        publisher.publishEvent(ProductsWritten.one(before.id()));
        return require(before.id());
    }

    /** Appends an image unless the product already has the maximum; false when it is full. */
    public boolean addImage(String productId, ProductImage image) {
        Query notFull = Query.query(Criteria.where("_id").is(productId).and("status").ne(ProductStatus.DELETED)
                .and("images." + (Product.MAX_IMAGES - 1)).exists(false));
        boolean added = mongo.updateFirst(notFull, new Update().push("images", image).inc("version", 1), Product.class)
                .getModifiedCount() > 0;
        if (added) {
            publisher.publishEvent(ProductsWritten.one(productId));
        }
        return added;
    }

    public boolean removeImage(String productId, String imageId) {
        Query query = Query.query(Criteria.where("_id").is(productId).and("images.imageId").is(imageId));
        boolean removed = mongo.updateFirst(query, new Update().pull("images", new org.bson.Document("imageId", imageId))
                .inc("version", 1), Product.class).getModifiedCount() > 0;
        if (removed) {
            publisher.publishEvent(ProductsWritten.one(productId));
        }
        return removed;
    }

    /** Ids of deleted products that still list images (their files not purged yet). */
    public List<String> deletedWithImages() {
        Query query = Query.query(Criteria.where("status").is(ProductStatus.DELETED).and("images.0").exists(true));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, mongo.getCollectionName(Product.class)).stream()
                .map(d -> d.get("_id").toString()).toList();
    }

    /** The images a deleted product still lists (none once purged; none for a product that is not deleted). */
    public List<ProductImage> imagesOfDeleted(String productId) {
        Query query = Query.query(Criteria.where("_id").is(productId));
        query.fields().exclude(MongoOutbox.FIELD);
        Product product = mongo.findOne(query, Product.class);
        return product == null || product.status() != ProductStatus.DELETED ? List.of() : product.images();
    }

    /**
     * The image files of a deleted product were purged: it lists no images any more. (A deleted product's images
     * cannot change: every image change requires a product that is not deleted.)
     */
    public void forgetImagesOfDeleted(String productId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(productId).and("status").is(ProductStatus.DELETED)),
                new Update().set("images", List.of()), Product.class);
    }

    private static Query versioned(Product before) {
        return Query.query(Criteria.where("_id").is(before.id()).and("version").is(before.currentVersion()));
    }

    // the unique index names no SKU: find which of ours another product already uses
    private ConflictException duplicateSku(Product product, String exceptId) {
        Criteria criteria = Criteria.where("variants.sku").in(product.skus());
        if (exceptId != null) {
            criteria = criteria.and("_id").ne(exceptId);
        }
        Query query = Query.query(criteria);
        query.fields().include("variants.sku");
        org.bson.Document other = mongo.findOne(query, org.bson.Document.class, mongo.getCollectionName(Product.class));
        String sku = other == null ? null : other.getList("variants", org.bson.Document.class, List.of()).stream()
                .map(v -> v.getString("sku")).filter(product.skus()::contains).findFirst().orElse(null);
        var conflict = new ConflictException("duplicate-sku", "SKU already in use",
                sku == null ? "One of the SKUs is already used by another product."
                        : "SKU " + sku + " is already used by another product; SKUs are unique across the marketplace.");
        if (sku != null) {
            conflict.with("sku", sku);
        }
        return conflict;
    }
}
