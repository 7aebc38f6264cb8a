package io.haat.catalog.review;

import java.time.Clock;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The name a customer's reviews show. Catalog keeps it (collection {@code review_names}, one document per customer
 * who chose one): it is a review setting, not part of the identity profile, and the token already carries what
 * the default needs. Without a choice, a review shows {@link ReviewerNames#fromParts the default} (first name +
 * last initial) computed from the token when it is written. Choosing or resetting the name rewrites it on every
 * review of the customer's.
 *
 * <p>Migration: reviews written before review names stored the full name. At start-up every such review
 * ({@code publicName} not true) gets the author's chosen name, or the default form of the stored name, with one
 * conditional write each (idempotent, safe with several instances); until then {@link Review#publicAuthorName()}
 * shows the default form at read time.
 */
@Service
public class ReviewerNameService implements ApplicationRunner {

    static final String COLLECTION = "review_names";
    private static final Logger log = LoggerFactory.getLogger(ReviewerNameService.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    public ReviewerNameService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The customer's review name and whether they chose it (false: the default). */
    public record ReviewerName(String name, boolean chosen) {
    }

    public Optional<String> chosen(String customerId) {
        return Optional.ofNullable(mongo.findById(customerId, Document.class, COLLECTION)).map(d -> d.getString("name"));
    }

    /** The name a new review of the customer's shows: the chosen one, else {@code defaultName}. */
    public ReviewerName current(String customerId, String defaultName) {
        return chosen(customerId).map(name -> new ReviewerName(name, true))
                .orElseGet(() -> new ReviewerName(defaultName, false));
    }

    /** The customer chooses a name; every review of theirs shows it from now on. */
    public ReviewerName choose(String customerId, String name) {
        String normalized = ReviewerNames.normalized(name);
        mongo.upsert(Query.query(Criteria.where("_id").is(customerId)),
                new Update().set("name", normalized).set("updatedAt", clock.instant()), COLLECTION);
        renameReviews(customerId, normalized);
        return new ReviewerName(normalized, true);
    }

    /** Back to the default name (from the customer's current token). */
    public ReviewerName reset(String customerId, String defaultName) {
        mongo.remove(Query.query(Criteria.where("_id").is(customerId)), COLLECTION);
        renameReviews(customerId, defaultName);
        return new ReviewerName(defaultName, false);
    }

    private void renameReviews(String customerId, String name) {
        // a review name is not an edit: updatedAt and version stay
        mongo.updateMulti(Query.query(Criteria.where("authorId").is(customerId)),
                new Update().set("authorName", name).set("publicName", true), Review.class);
    }

    @Override
    public void run(ApplicationArguments args) {
        int migrated = migrateFullNames();
        if (migrated > 0) {
            log.info("reviews: {} full author names replaced by review names", migrated);
        }
    }

    /** Rewrites the full name of every review written before review names; returns how many it rewrote. */
    int migrateFullNames() {
        Query legacy = Query.query(Criteria.where("publicName").ne(true));
        legacy.fields().include("_id", "authorId", "authorName");
        int migrated = 0;
        try (var stream = mongo.stream(legacy, Document.class, mongo.getCollectionName(Review.class))) {
            for (Document review : (Iterable<Document>) stream::iterator) {
                migrated += migrate(review);
            }
        }
        return migrated;
    }

    private int migrate(Document review) {
        String authorId = review.getString("authorId");
        String name = (authorId == null ? Optional.<String>empty() : chosen(authorId))
                .orElseGet(() -> ReviewerNames.fromFullName(review.getString("authorName")));
        return (int) mongo.updateFirst(Query.query(Criteria.where("_id").is(review.get("_id"))
                        .and("publicName").ne(true)),
                new Update().set("authorName", name).set("publicName", true), Review.class).getModifiedCount();
    }
}
