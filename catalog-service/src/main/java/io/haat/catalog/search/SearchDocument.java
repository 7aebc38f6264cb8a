package io.haat.catalog.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the index holds of one public product: its text, the facts filters and facets need (category, store,
 * brand, attribute and option values, every variant's price), its rating, whether any variant is in stock, and
 * what a result card shows. {@code categoryNames} is the category's path from the root (all of it is searchable).
 * {@code optionValues}: option name to its values (size → S, M, L), faceted and filtered like attributes.
 */
public record SearchDocument(String productId, String storeId, String name, String description, String brand,
                             String categoryId, List<String> categoryNames, Map<String, String> attributes,
                             Map<String, List<String>> optionValues, List<Long> variantPrices, long priceMinor,
                             Long compareAtMinor, String currency, double rating, long ratingCount, boolean inStock,
                             Instant publishedAt, String imageId) {

    public SearchDocument {
        categoryNames = categoryNames == null ? List.of() : List.copyOf(categoryNames);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        optionValues = optionValues == null ? Map.of() : Map.copyOf(optionValues);
        variantPrices = variantPrices == null || variantPrices.isEmpty() ? List.of(priceMinor) : List.copyOf(variantPrices);
        description = description == null ? "" : description;
        brand = brand == null ? "" : brand;
        publishedAt = publishedAt == null ? Instant.EPOCH : publishedAt;
    }
}
