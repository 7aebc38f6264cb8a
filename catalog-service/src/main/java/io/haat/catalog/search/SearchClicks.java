package io.haat.catalog.search;

import io.haat.catalog.tracking.SearchClicked;
import jakarta.annotation.PostConstruct;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The click-through signal: how often people clicked each product among the results of a query (normalized as
 * the index compares words), in MongoDB ({@code search_clicks}, shared by the replicas). A search for the same
 * query lifts the most clicked products a little: {@code log2(1 + clicks)}, at most {@value #MAX_BOOST} — enough
 * to reorder close results, far less than a name match.
 */
@Component
public class SearchClicks {

    static final String COLLECTION = "search_clicks";
    static final double MAX_BOOST = 3.0;
    private static final int PRODUCTS_PER_QUERY = 20;
    private static final long CACHE_MILLIS = 30_000;
    private static final int CACHE_QUERIES = 10_000;

    private final MongoTemplate mongo;
    private final SearchIndex index;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Map<String, Double> boosts, long until) {
    }

    public SearchClicks(MongoTemplate mongo, SearchIndexer indexer) {
        this.mongo = mongo;
        this.index = indexer.index();
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("query", Sort.Direction.ASC).on("clicks", Sort.Direction.DESC));
    }

    @EventListener
    void onClick(SearchClicked click) {
        String query = index.normalize(click.query());
        if (query.isEmpty()) {
            return;
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(query + '\u001f' + click.productId())),
                new Update().setOnInsert("query", query).setOnInsert("productId", click.productId()).inc("clicks", 1),
                COLLECTION);
        cache.remove(query);
    }

    /** Product id → ranking boost for the results of {@code text}; empty when nobody clicked any. */
    public Map<String, Double> boostsFor(String text) {
        String query = index.normalize(text);
        if (query.isEmpty()) {
            return Map.of();
        }
        long now = System.currentTimeMillis();
        Cached cached = cache.get(query);
        if (cached != null && cached.until() > now) {
            return cached.boosts();
        }
        Query clicked = Query.query(Criteria.where("query").is(query))
                .with(Sort.by(Sort.Direction.DESC, "clicks")).limit(PRODUCTS_PER_QUERY);
        Map<String, Double> boosts = new LinkedHashMap<>();
        for (Document d : mongo.find(clicked, Document.class, COLLECTION)) {
            long clicks = ((Number) d.get("clicks")).longValue();
            boosts.put(d.getString("productId"), Math.min(MAX_BOOST, Math.log1p(clicks) / Math.log(2)));
        }
        if (cache.size() >= CACHE_QUERIES) {
            cache.clear();
        }
        cache.put(query, new Cached(Map.copyOf(boosts), now + CACHE_MILLIS));
        return boosts;
    }
}
