package io.haat.catalog.search;

import java.util.Map;
import java.util.Set;

/**
 * One search: the text as typed (blank: browse by the filters alone), the filters, order and page. Category ids
 * are already the chosen category and everything below it; attribute filters match any of a name's values and
 * every name; {@code clickBoosts} (product id → weight) comes from earlier clicks on results of the same query.
 * Prices are minor units of the marketplace's currency.
 */
public record SearchQuery(String text, Set<String> categoryIds, String storeId, Set<String> brands,
                          Map<String, Set<String>> attributes, Long minPrice, Long maxPrice, Double minRating,
                          boolean inStockOnly, SearchSort sort, int offset, int size,
                          Map<String, Double> clickBoosts) {

    public SearchQuery {
        text = text == null ? "" : text.strip();
        categoryIds = categoryIds == null ? Set.of() : Set.copyOf(categoryIds);
        brands = brands == null ? Set.of() : Set.copyOf(brands);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        clickBoosts = clickBoosts == null ? Map.of() : Map.copyOf(clickBoosts);
    }

    /** Text only, first page of 20, by relevance. */
    public static SearchQuery text(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, null, false, SearchSort.RELEVANCE, 0, 20,
                null);
    }
}
