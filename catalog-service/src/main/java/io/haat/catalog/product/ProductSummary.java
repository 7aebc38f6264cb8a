package io.haat.catalog.product;

import io.haat.catalog.support.Links;
import io.haat.events.Money;
import java.time.Instant;

/** A product in a list: enough for a product card (lowest price, rating, first image's small thumbnail). */
public record ProductSummary(String id, String storeId, String name, String categoryId, String brand, Money price,
                             Money compareAtPrice, double rating, long ratingCount, String image, Boolean inStock,
                             ProductStatus status, Instant createdAt) {

    /** {@code inStock}: null when no stock level is known for any variant. */
    public static ProductSummary of(Product p, Boolean inStock, Links links) {
        Money price = new Money(p.minPriceMinor(), p.currency());
        Money compareAt = p.variants().stream().filter(v -> v.price().amountMinor() == p.minPriceMinor())
                .map(Variant::compareAtPrice).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        String image = p.images().isEmpty() ? null : links.thumbnail(p.images().getFirst().imageId(), 200);
        return new ProductSummary(p.id(), p.storeId(), p.name(), p.categoryId(), p.brand(), price, compareAt,
                p.rating().displayAverage(), p.rating().count(), image, inStock, p.status(), p.createdAt());
    }
}
