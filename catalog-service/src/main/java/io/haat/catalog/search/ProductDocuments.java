package io.haat.catalog.search;

import io.haat.catalog.category.Category;
import io.haat.catalog.category.CategoryTree;
import io.haat.catalog.product.Product;
import io.haat.catalog.product.ProductOption;
import io.haat.catalog.product.Variant;
import io.haat.catalog.stock.StockLevel;
import io.haat.events.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A product as the search index holds it: with its category path, stock and rating. */
final class ProductDocuments {

    private ProductDocuments() {
    }

    /** {@code levels}: stock levels by {@link StockLevel#idOf}; a variant never stocked counts as out of stock. */
    static SearchDocument of(Product p, Map<String, StockLevel> levels, CategoryTree categories) {
        List<String> path = new ArrayList<>(categories.ancestorsOf(p.categoryId()).stream().map(Category::name).toList());
        categories.find(p.categoryId()).ifPresent(c -> path.add(c.name()));
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (ProductOption option : p.options()) {
            options.put(option.name(), option.values());
        }
        boolean inStock = p.variants().stream().anyMatch(v -> {
            StockLevel level = levels.get(StockLevel.idOf(p.storeId(), v.sku()));
            return level != null && level.available() > 0;
        });
        Long compareAt = p.variants().stream().filter(v -> v.price().amountMinor() == p.minPriceMinor())
                .map(Variant::compareAtPrice).filter(Objects::nonNull).map(Money::amountMinor).findFirst().orElse(null);
        double rating = p.rating().count() == 0 ? 0 : (double) p.rating().sum() / p.rating().count();
        return new SearchDocument(p.id(), p.storeId(), p.name(), p.description(), p.brand(), p.categoryId(), path,
                p.attributes(), options, p.variants().stream().map(v -> v.price().amountMinor()).toList(),
                p.minPriceMinor(), compareAt, p.currency(), rating, p.rating().count(), inStock,
                p.publishedAt() != null ? p.publishedAt() : p.createdAt(),
                p.images().isEmpty() ? null : p.images().getFirst().imageId());
    }

    /** The stock level ids of these products' variants. */
    static List<String> stockIds(List<Product> products) {
        List<String> ids = new ArrayList<>();
        for (Product p : products) {
            p.variants().forEach(v -> ids.add(StockLevel.idOf(p.storeId(), v.sku())));
        }
        return ids;
    }
}
