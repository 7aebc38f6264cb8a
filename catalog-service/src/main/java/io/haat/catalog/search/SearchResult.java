package io.haat.catalog.search;

import java.util.List;
import java.util.Map;

/** One page of results, the facet counts over all matching products and, for a query that matched little, a correction. */
public record SearchResult(long totalHits, List<Hit> hits, Facets facets, String didYouMean) {

    /** A matching product as a result card shows it; {@code highlight} is the name with the matched words in {@code <em>}. */
    public record Hit(String productId, String storeId, String name, String highlight, String brand,
                      String categoryId, long priceMinor, Long compareAtMinor, String currency, double rating,
                      long ratingCount, boolean inStock, String imageId, float score) {
    }

    /** Counts of matching products by category, brand, price range, minimum rating and attribute value. */
    public record Facets(List<Count> categories, List<Count> brands, List<PriceBucket> prices,
                         List<RatingBucket> ratings, Map<String, List<Count>> attributes) {
    }

    public record Count(String value, long count) {
    }

    /** Products whose lowest price is in {@code [fromMinor, toMinor)}; {@code toMinor} null: no upper bound. */
    public record PriceBucket(long fromMinor, Long toMinor, long count) {
    }

    /** Products rated {@code min} stars or more. */
    public record RatingBucket(int min, long count) {
    }
}
