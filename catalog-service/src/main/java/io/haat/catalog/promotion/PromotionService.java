package io.haat.catalog.promotion;

import io.haat.catalog.category.CategoryService;
import io.haat.catalog.image.ImageStorage;
import io.haat.catalog.product.ProductQueries;
import io.haat.catalog.store.StoreDirectory;
import io.haat.catalog.support.AuditTrail;
import io.haat.platform.image.ImageProcessor;
import io.haat.platform.image.ProcessedImage;
import io.haat.platform.messaging.mongo.MongoOutbox;
import io.haat.platform.security.Actor;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import io.haat.platform.web.Versions;
import jakarta.annotation.PostConstruct;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Promotions and banners: admin CRUD with scheduling and an image; what is live now, for everyone. */
@Service
public class PromotionService {

    private static final int MAX_LIVE = 50;

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;
    private final AuditTrail audit;
    private final CategoryService categories;
    private final StoreDirectory stores;
    private final ImageProcessor processor;
    private final ImageStorage storage;
    private final Clock clock;

    public PromotionService(MongoTemplate mongo, MongoOutbox outbox, AuditTrail audit, CategoryService categories,
                            StoreDirectory stores, ImageProcessor processor, ImageStorage storage, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.audit = audit;
        this.categories = categories;
        this.stores = stores;
        this.processor = processor;
        this.storage = storage;
        this.clock = clock;
    }

    @PostConstruct
    void registerOutbox() {
        outbox.register(Promotion.class);
    }

    /** Live now, optionally at one placement; promotions of products that are not public are left out. */
    public List<Promotion> active(Promotion.Placement placement) {
        Instant now = clock.instant();
        Criteria live = Criteria.where("enabled").is(true).and("startsAt").lte(now).and("endsAt").gt(now);
        if (placement != null) {
            live = live.and("placement").is(placement);
        }
        Query query = Query.query(live).with(Sort.by(Sort.Order.desc("priority"), Sort.Order.desc("startsAt")))
                .limit(MAX_LIVE);
        query.fields().exclude(MongoOutbox.FIELD);
        List<Promotion> found = mongo.find(query, Promotion.class);
        Set<String> productIds = found.stream().filter(p -> p.target().type() == Promotion.TargetType.PRODUCT)
                .map(p -> p.target().id()).collect(Collectors.toSet());
        if (productIds.isEmpty()) {
            return found;
        }
        Set<String> visible = mongo.find(Query.query(Criteria.where("_id").in(productIds)
                        .andOperator(ProductQueries.publicOnly())), org.bson.Document.class, "products").stream()
                .map(d -> d.getString("_id")).collect(Collectors.toSet());
        return found.stream().filter(p -> p.target().type() != Promotion.TargetType.PRODUCT
                || visible.contains(p.target().id())).toList();
    }

    public PageResponse<Promotion> all(Paging paging) {
        Query query = new Query().with(Sort.by(Sort.Order.desc("startsAt"), Sort.Order.asc("_id")))
                .skip(paging.offset()).limit(paging.size());
        return PageResponse.of(mongo.find(query, Promotion.class), paging, mongo.count(new Query(), Promotion.class));
    }

    public Promotion require(String id) {
        Promotion promotion = mongo.findById(id, Promotion.class);
        if (promotion == null) {
            throw NotFoundException.of("Promotion", id);
        }
        return promotion;
    }

    public Promotion create(Actor admin, PromotionRequest request) {
        validate(request);
        Instant now = clock.instant();
        Promotion promotion = new Promotion(UUID.randomUUID().toString(), request.title().strip(), request.subtitle(),
                request.placement(), target(request), null, request.startsAt(), request.endsAt(), priority(request),
                !Boolean.FALSE.equals(request.enabled()), now, now, 0);
        outbox.insert(promotion, List.of(audit.event(admin, "promotion.create", "promotion", promotion.id(), null,
                promotion)));
        return promotion;
    }

    public Promotion update(Actor admin, String id, PromotionRequest request, Long expectedVersion) {
        Promotion before = require(id);
        Versions.requireCurrent("The promotion", expectedVersion, before.version());
        validate(request);
        Update update = new Update().set("title", request.title().strip()).set("subtitle", request.subtitle())
                .set("placement", request.placement()).set("target", target(request))
                .set("startsAt", request.startsAt()).set("endsAt", request.endsAt()).set("priority", priority(request))
                .set("enabled", !Boolean.FALSE.equals(request.enabled())).set("updatedAt", clock.instant())
                .inc("version", 1);
        var result = outbox.updateFirst(Query.query(Criteria.where("_id").is(id).and("version").is(before.version())),
                update, Promotion.class, List.of(audit.event(admin, "promotion.update", "promotion", id, before, request)));
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("promotion " + id + " changed concurrently");
        }
        return require(id);
    }

    public void delete(Actor admin, String id) {
        Promotion removed = mongo.findAndRemove(Query.query(Criteria.where("_id").is(id)), Promotion.class);
        if (removed == null) {
            throw NotFoundException.of("Promotion", id);
        }
        if (removed.image() != null) {
            storage.delete(removed.image().imageId());
        }
        outbox.insertStandalone(List.of(audit.event(admin, "promotion.delete", "promotion", id, removed, null)));
    }

    /** Sets (or replaces) the banner image; the previous one is deleted. */
    public Promotion setImage(Actor admin, String id, byte[] bytes) {
        Promotion before = require(id);
        ProcessedImage processed = processor.process(bytes);
        String imageId = UUID.randomUUID().toString();
        storage.store(imageId, processed, "promotion:" + id);
        Promotion.Image image = new Promotion.Image(imageId, processed.contentType(), processed.width(),
                processed.height());
        var result = outbox.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("image", image).set("updatedAt", clock.instant()).inc("version", 1), Promotion.class,
                List.of(audit.event(admin, "promotion.image", "promotion", id, before.image(), image)));
        if (result.getMatchedCount() == 0) {
            storage.delete(imageId);
            throw NotFoundException.of("Promotion", id);
        }
        if (before.image() != null) {
            storage.delete(before.image().imageId());
        }
        return require(id);
    }

    private void validate(PromotionRequest request) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw new InvalidRequestException("endsAt", "must be after startsAt");
        }
        PromotionRequest.TargetRequest target = request.target();
        switch (target.type()) {
            case URL -> {
                if (target.url() == null || !isHttpUrl(target.url())) {
                    throw new InvalidRequestException("target.url", "must be an absolute http or https URL");
                }
            }
            case PRODUCT -> {
                if (target.id() == null || !mongo.exists(Query.query(Criteria.where("_id").is(target.id())
                        .and("status").ne("DELETED")), "products")) {
                    throw new InvalidRequestException("target.id", "is not an existing product");
                }
            }
            case CATEGORY -> {
                if (!categories.exists(target.id())) {
                    throw new InvalidRequestException("target.id", "is not an existing category");
                }
            }
            case STORE -> {
                if (target.id() == null || stores.known(target.id()).isEmpty()) {
                    throw new InvalidRequestException("target.id", "is not a known store");
                }
            }
        }
    }

    private static Promotion.Target target(PromotionRequest request) {
        var t = request.target();
        return t.type() == Promotion.TargetType.URL ? new Promotion.Target(t.type(), null, t.url().strip())
                : new Promotion.Target(t.type(), t.id(), null);
    }

    private static int priority(PromotionRequest request) {
        return request.priority() == null ? 0 : request.priority();
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
