package io.haat.catalog.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.haat.events.Money;
import java.util.List;
import java.util.Map;

/** {@code GET /search}: a page of result cards, facet counts and, when the query matched little, a correction. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResponse(List<Item> items, Facets facets, String didYouMean, int page, int size, long totalItems) {

    /** A result card; {@code highlight} is the HTML-escaped name with the matched words in {@code <em>}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String productId, String storeId, String name, String highlight, String brand,
                       String categoryId, Money price, Money compareAtPrice, double rating, long ratingCount,
                       boolean inStock, String image) {
    }

    public record Facets(List<CategoryCount> categories, List<SearchResult.Count> brands, List<PriceRange> prices,
                         List<SearchResult.RatingBucket> ratings, Map<String, List<SearchResult.Count>> attributes) {
    }

    public record CategoryCount(String id, String name, long count) {
    }

    /** Products whose lowest price is from {@code from} up to, not including, {@code to} (none: no upper bound). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PriceRange(Money from, Money to, long count) {
    }
}
