package io.haat.catalog.category;

import io.haat.catalog.support.AuditTrail;
import io.haat.platform.messaging.mongo.MongoOutbox;
import io.haat.platform.security.Actor;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.Versions;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The category tree: anyone reads it; admins create, rename, move and delete (not while it holds products). */
@Service
public class CategoryService {

    /** The products collection, counted without depending on the product feature. */
    private static final String PRODUCTS = "products";

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    public CategoryService(MongoTemplate mongo, MongoOutbox outbox, AuditTrail audit, Clock clock,
                           ApplicationEventPublisher publisher) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.publisher = publisher;
    }

    @PostConstruct
    void registerOutbox() {
        outbox.register(Category.class);
    }

    public CategoryTree tree() {
        return new CategoryTree(mongo.findAll(Category.class));
    }

    public Category require(String id) {
        Category category = mongo.findById(id, Category.class);
        if (category == null) {
            throw NotFoundException.of("Category", id);
        }
        return category;
    }

    /** The category and all its subcategories, for listing their products; 404 if unknown. */
    public Set<String> subtreeOf(String id) {
        CategoryTree tree = tree();
        tree.find(id).orElseThrow(() -> NotFoundException.of("Category", id));
        return tree.subtreeOf(id);
    }

    public boolean exists(String id) {
        return id != null && mongo.exists(Query.query(Criteria.where("_id").is(id)), Category.class);
    }

    public Category create(Actor admin, CategoryRequest request) {
        CategoryTree tree = tree();
        requireParent(tree, request.parentId());
        String slug = request.slug() != null ? request.slug() : freeSlugFor(request.name());
        int position = request.position() != null ? request.position() : tree.nextPositionUnder(request.parentId());
        Category category = Category.create(request.name(), slug, request.parentId(), position, clock.instant());
        try {
            outbox.insert(category, List.of(audit.event(admin, "category.create", "category", category.id(), null,
                    category)));
        } catch (DuplicateKeyException e) {
            throw slugTaken(slug);
        }
        return category;
    }

    /** Renames and/or moves; {@code expectedVersion} comes from If-Match when sent. */
    public Category update(Actor admin, String id, CategoryRequest request, Long expectedVersion) {
        CategoryTree tree = tree();
        Category before = tree.find(id).orElseThrow(() -> NotFoundException.of("Category", id));
        Versions.requireCurrent("The category", expectedVersion, before.version() == null ? 0 : before.version());
        requireParent(tree, request.parentId());
        if (tree.wouldCycle(id, request.parentId())) {
            throw new CategoryCycle(id);
        }
        String slug = request.slug() != null ? request.slug() : before.slug();
        boolean moved = !java.util.Objects.equals(before.parentId(), request.parentId());
        int position = request.position() != null ? request.position()
                : moved ? tree.nextPositionUnder(request.parentId()) : before.position();
        Category after = before.edit(request.name(), slug, request.parentId(), position, clock.instant());
        Update update = new Update().set("name", after.name()).set("slug", after.slug())
                .set("parentId", after.parentId()).set("position", after.position())
                .set("updatedAt", after.updatedAt()).inc("version", 1);
        try {
            var result = outbox.updateFirst(versioned(id, before.version()), update, Category.class,
                    List.of(audit.event(admin, "category.update", "category", id, before, after)));
            if (result.getMatchedCount() == 0) {
                throw new OptimisticLockingFailureException("category " + id + " changed concurrently");
            }
        } catch (DuplicateKeyException e) {
            throw slugTaken(slug);
        }
        publisher.publishEvent(new CategoryChanged(id));
        return require(id);
    }

    /** Deletes an empty leaf: 409 while it has subcategories or products. */
    public void delete(Actor admin, String id) {
        Category category = require(id);
        if (mongo.exists(Query.query(Criteria.where("parentId").is(id)), Category.class)) {
            throw new ConflictException("category-has-subcategories", "Category has subcategories",
                    "Category '" + category.name() + "' has subcategories; move or delete them first.");
        }
        if (mongo.exists(Query.query(Criteria.where("categoryId").is(id).and("status").ne("DELETED")), PRODUCTS)) {
            throw new ConflictException("category-has-products", "Category has products",
                    "Category '" + category.name() + "' still holds products; move them to another category first.");
        }
        if (mongo.remove(versioned(id, category.version()), Category.class).getDeletedCount() == 0) {
            throw new OptimisticLockingFailureException("category " + id + " changed concurrently");
        }
        // the document is gone, so its audit event waits in a document of its own
        outbox.insertStandalone(List.of(audit.event(admin, "category.delete", "category", id, category, null)));
    }

    private void requireParent(CategoryTree tree, String parentId) {
        if (parentId != null && tree.find(parentId).isEmpty()) {
            throw new InvalidRequestException("parentId", "is not an existing category");
        }
    }

    private String freeSlugFor(String name) {
        String base = Category.slugOf(name);
        if (base.length() < 2) {
            base = "category";
        }
        String slug = base;
        for (int n = 2; mongo.exists(Query.query(Criteria.where("slug").is(slug)), Category.class); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static Query versioned(String id, Long version) {
        return Query.query(Criteria.where("_id").is(id).and("version").is(version));
    }

    private static ConflictException slugTaken(String slug) {
        return (ConflictException) new ConflictException("category-slug-taken", "Slug taken",
                "The category slug '" + slug + "' is already taken.").with("slug", slug);
    }
}
