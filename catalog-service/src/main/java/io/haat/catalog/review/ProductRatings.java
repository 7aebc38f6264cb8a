package io.haat.catalog.review;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import io.haat.catalog.product.ProductsWritten;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps a product's rating (count, sum, reviews per star) right under concurrent reviews: every change is one
 * atomic {@code $inc}, never read-modify-write. The stored average (for sorting) is then set only if the counters
 * are still those this change produced, so the last writer's average always wins.
 */
@Component
public class ProductRatings {

    private static final String PRODUCTS = "products";

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher publisher;

    public ProductRatings(MongoTemplate mongo, ApplicationEventPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    public void add(String productId, int stars) {
        apply(productId, 1, stars, stars, 1);
    }

    public void remove(String productId, int stars) {
        apply(productId, -1, -stars, stars, -1);
    }

    public void change(String productId, int from, int to) {
        if (from != to) {
            List<Bson> updates = new ArrayList<>(List.of(Updates.inc("rating.sum", to - from),
                    Updates.inc("rating.star" + from, -1), Updates.inc("rating.star" + to, 1)));
            incAndAverage(productId, updates);
        }
    }

    private void apply(String productId, int count, int sum, int star, int starDelta) {
        incAndAverage(productId, List.of(Updates.inc("rating.count", count), Updates.inc("rating.sum", sum),
                Updates.inc("rating.star" + star, starDelta)));
    }

    private void incAndAverage(String productId, List<Bson> updates) {
        var products = mongo.getCollection(PRODUCTS);
        Document after = products.findOneAndUpdate(eq("_id", productId), Updates.combine(updates),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include("rating")));
        if (after == null) {
            return;
        }
        Document rating = after.get("rating", Document.class);
        long count = number(rating, "count");
        long sum = number(rating, "sum");
        products.updateOne(and(eq("_id", productId), eq("rating.count", rating.get("count")),
                        eq("rating.sum", rating.get("sum"))),
                Updates.set("rating.average", count == 0 ? 0.0 : (double) sum / count));
        publisher.publishEvent(ProductsWritten.one(productId));
    }

    private static long number(Document d, String key) {
        Object value = d.get(key);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
