package io.haat.catalog.review;

import io.haat.catalog.product.Product;
import io.haat.catalog.product.ProductService;
import io.haat.catalog.support.AuditTrail;
import io.haat.events.Topics;
import io.haat.platform.domain.Transition;
import io.haat.platform.messaging.mongo.MongoOutbox;
import io.haat.platform.messaging.mongo.PendingEvent;
import io.haat.platform.security.Actor;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.ForbiddenException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Reviews: written by customers for delivered order lines (once per line, ever: a deleted review is a tombstone
 * that keeps its line reviewed, see {@link Review}), edited or deleted by their author,
 * reported by anyone signed in, hidden or restored by admins. Moderation follows the aggregate style: the
 * {@link Review} decides each transition, this service loads, calls and saves it with its events in one
 * conditional document write. Every change that affects the rating applies exactly the delta of the review's own
 * atomic transition (see {@link ProductRatings}).
 */
@Service
public class ReviewService {

    /** Tries of one change against concurrent changes of the same review (e.g. many users reporting it). */
    private static final int MAX_ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;
    private final ProductService products;
    private final ProductRatings ratings;
    private final AuditTrail audit;
    private final Clock clock;

    public ReviewService(MongoTemplate mongo, MongoOutbox outbox, ProductService products, ProductRatings ratings,
                         AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.products = products;
        this.ratings = ratings;
        this.audit = audit;
        this.clock = clock;
    }

    @PostConstruct
    void registerOutbox() {
        outbox.register(Review.class);
    }

    public Review create(String customerId, String authorName, String productId, ReviewRequest request) {
        Product product = products.view(productId, customerId, false);
        Criteria eligible = Criteria.where("customerId").is(customerId).and("productId").is(product.id())
                .and("delivered").is(true);
        if (request.orderId() != null) {
            eligible = eligible.and("orderId").is(request.orderId());
        }
        List<Purchase> lines = mongo.find(Query.query(eligible).with(Sort.by("deliveredAt")), Purchase.class);
        if (lines.isEmpty()) {
            throw new ForbiddenException("review-not-eligible", "Not eligible to review",
                    "You can review a product once an order line of it has been delivered to you.");
        }
        Set<String> reviewed = mongo.find(Query.query(Criteria.where("orderLineId")
                        .in(lines.stream().map(Purchase::id).toList())), Review.class).stream()
                .map(Review::orderLineId).collect(Collectors.toSet());
        Purchase line = lines.stream().filter(l -> !reviewed.contains(l.id())).findFirst()
                .orElseThrow(ReviewService::alreadyReviewed);
        Instant now = clock.instant();
        Review review = new Review(UUID.randomUUID().toString(), product.id(), product.storeId(), customerId, authorName,
                line.orderId(), line.id(), request.rating(), blankToNull(request.title()), blankToNull(request.text()),
                ReviewStatus.VISIBLE, false, 0, List.of(), null, now, now, 0, true);
        try {
            mongo.insert(review);
        } catch (DuplicateKeyException e) {
            throw alreadyReviewed(); // a concurrent request reviewed the same line first
        }
        ratings.add(product.id(), review.rating());
        return review;
    }

    public Review edit(String authorId, String reviewId, ReviewRequest request) {
        Update update = new Update().set("rating", request.rating()).set("title", blankToNull(request.title()))
                .set("text", blankToNull(request.text())).set("updatedAt", clock.instant()).inc("version", 1);
        Review before = mongo.findAndModify(ownBy(reviewId, authorId), update, Review.class);
        if (before == null) {
            throw NotFoundException.of("Review", reviewId);
        }
        if (before.isVisible()) {
            ratings.change(before.productId(), before.rating(), request.rating());
        }
        return mongo.findById(reviewId, Review.class);
    }

    /**
     * A soft delete: the review leaves every view and the rating, and stays as a tombstone so that its order line
     * cannot be reviewed again (a hidden review cannot be deleted and posted anew to escape moderation). Someone
     * else's review, or one already deleted, is 404.
     */
    public void delete(String authorId, String reviewId) {
        change(reviewId, review -> {
            if (!review.authorId().equals(authorId) || review.status() == ReviewStatus.DELETED) {
                throw NotFoundException.of("Review", reviewId);
            }
            return review.delete(clock.instant());
        }, List::of);
    }

    /** Anyone signed in reports a visible review once; it enters the admins' queue. */
    public void report(String userId, String reviewId, String reason) {
        Review review = mongo.findById(reviewId, Review.class);
        if (review == null || !review.isVisible()) {
            throw NotFoundException.of("Review", reviewId); // a hidden review does not exist for the public
        }
        change(reviewId, r -> r.report(userId, reason, clock.instant()), List::of);
    }

    public Review hide(Actor admin, String reviewId, String reason) {
        return change(reviewId, review -> review.hide(reason, clock.instant()),
                () -> List.of(audit.event(admin, "review.hide", "review", reviewId, null, reason)));
    }

    /** Makes a hidden review visible again, or dismisses the reports of a visible one. */
    public Review restore(Actor admin, String reviewId) {
        return change(reviewId, review -> review.restore(clock.instant()),
                () -> List.of(audit.event(admin, "review.restore", "review", reviewId, null, null)));
    }

    /**
     * Load, call, save: asks the review for a transition and stores it in ONE conditional write of the review
     * document (only if it still has the version it was loaded with), its events and {@code alsoRecord} (e.g.
     * the audit record) pending in the same document. A concurrent change is retried on the new state; a no-op
     * writes nothing. The product's rating then follows the review's visibility.
     */
    private Review change(String reviewId, Function<Review, Transition<Review>> action,
                          Supplier<List<PendingEvent>> alsoRecord) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Review before = requireExisting(reviewId);
            Transition<Review> transition = action.apply(before);
            if (!transition.changed()) {
                return before;
            }
            Review after = transition.state();
            List<PendingEvent> events = new ArrayList<>();
            transition.events().forEach(e -> events.add(outbox.event(Topics.CATALOG_REVIEW, e, after.version())));
            events.addAll(alsoRecord.get());
            Review saved = outbox.findAndModify(
                    Query.query(Criteria.where("_id").is(reviewId).and("version").is(before.version())),
                    new Update().set("status", after.status()).set("title", after.title()).set("text", after.text())
                            .set("reported", after.reported())
                            .set("reportCount", after.reportCount()).set("reports", after.reports())
                            .set("moderationReason", after.moderationReason()).set("updatedAt", after.updatedAt())
                            .set("version", after.version()),
                    FindAndModifyOptions.options().returnNew(true), Review.class, events);
            if (saved != null) {
                if (before.isVisible() && !saved.isVisible()) {
                    ratings.remove(saved.productId(), saved.rating());
                } else if (!before.isVisible() && saved.isVisible()) {
                    ratings.add(saved.productId(), saved.rating());
                }
                return saved;
            }
        }
        throw new ConflictException("review-changed-concurrently", "Review changed concurrently",
                "The review kept changing while this request was applied; try again.");
    }

    public PageResponse<Review> ofProduct(String productId, String viewerId, boolean admin, Paging paging, Sort sort) {
        Product product = products.view(productId, viewerId, admin);
        return page(Criteria.where("productId").is(product.id()).and("status").is(ReviewStatus.VISIBLE), paging, sort);
    }

    public PageResponse<Review> ofAuthor(String authorId, Paging paging) {
        return page(Criteria.where("authorId").is(authorId).and("status").ne(ReviewStatus.DELETED), paging,
                Sort.by(Sort.Order.desc("createdAt")));
    }

    /** REPORTED (visible with open reports, most reported first), HIDDEN or VISIBLE. */
    public PageResponse<Review> forModeration(String status, Paging paging) {
        return switch (status) {
            case "REPORTED" -> page(Criteria.where("reported").is(true).and("status").is(ReviewStatus.VISIBLE), paging,
                    Sort.by(Sort.Order.desc("reportCount"), Sort.Order.asc("createdAt")));
            case "HIDDEN", "VISIBLE" -> page(Criteria.where("status").is(ReviewStatus.valueOf(status)), paging,
                    Sort.by(Sort.Order.desc("updatedAt")));
            default -> throw new io.haat.platform.web.InvalidRequestException("status", "must be REPORTED, HIDDEN or VISIBLE");
        };
    }

    private PageResponse<Review> page(Criteria criteria, Paging paging, Sort sort) {
        Query query = Query.query(criteria).with(sort).skip(paging.offset()).limit(paging.size());
        query.fields().exclude(MongoOutbox.FIELD);
        List<Review> items = mongo.find(query, Review.class);
        return PageResponse.of(items, paging, mongo.count(Query.query(criteria), Review.class));
    }

    private Review requireExisting(String reviewId) {
        Review review = mongo.findById(reviewId, Review.class);
        if (review == null) {
            throw NotFoundException.of("Review", reviewId);
        }
        return review;
    }

    /** The author's review, unless deleted. */
    private static Query ownBy(String reviewId, String authorId) {
        return Query.query(Criteria.where("_id").is(reviewId).and("authorId").is(authorId)
                .and("status").ne(ReviewStatus.DELETED));
    }

    private static ConflictException alreadyReviewed() {
        return new ConflictException("already-reviewed", "Already reviewed",
                "You have already reviewed every delivered order line of this product (a deleted review still counts);"
                        + " edit your review instead.");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
