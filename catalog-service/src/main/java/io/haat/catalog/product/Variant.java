package io.haat.catalog.product;

import io.haat.events.Money;
import java.util.Map;

/** One sellable variant: a globally unique SKU, its option values (size, colour…), price, optional compare-at price. */
public record Variant(String sku, Map<String, String> options, Money price, Money compareAtPrice, Integer weightGrams) {

    public Variant {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }
}
