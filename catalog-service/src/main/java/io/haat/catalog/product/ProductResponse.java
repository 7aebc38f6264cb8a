package io.haat.catalog.product;

import io.haat.catalog.stock.StockLevel;
import io.haat.catalog.support.Links;
import io.haat.events.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A product's detail page. {@code statusReason} (rejection or ban reason) is shown to its owner and admins only. */
public record ProductResponse(String id, String storeId, String sellerId, String name, String description,
                              String categoryId, String brand, Map<String, String> attributes,
                              List<ProductOption> options, List<VariantResponse> variants, List<ImageResponse> images,
                              Money price, RatingResponse rating, ProductStatus status, String statusReason,
                              Instant createdAt, Instant updatedAt, Instant publishedAt, long version) {

    /** A variant with its availability ({@code available} null while seller-service has not reported stock). */
    public record VariantResponse(String sku, Map<String, String> options, Money price, Money compareAtPrice,
                                  Integer weightGrams, Integer available, boolean inStock) {
    }

    /** An image: the full rendition and its 200 px and 800 px thumbnails. */
    public record ImageResponse(String id, int position, String url, String thumbnailSmall, String thumbnailLarge,
                                int width, int height, String alt, String contentType) {

        public static List<ImageResponse> of(List<ProductImage> images, Links links) {
            List<ImageResponse> result = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                ProductImage image = images.get(i);
                result.add(new ImageResponse(image.imageId(), i, links.image(image.imageId()),
                        links.thumbnail(image.imageId(), 200), links.thumbnail(image.imageId(), 800), image.width(),
                        image.height(), image.alt(), image.contentType()));
            }
            return result;
        }
    }

    /** Average (one decimal), number of visible reviews, and reviews per star. */
    public record RatingResponse(double average, long count, Map<String, Long> distribution) {

        public static RatingResponse of(Rating rating) {
            return new RatingResponse(rating.displayAverage(), rating.count(), rating.distribution());
        }
    }

    public static ProductResponse of(Product p, Map<String, StockLevel> stockBySku, boolean privileged, Links links) {
        List<VariantResponse> variants = p.variants().stream().map(v -> {
            StockLevel level = stockBySku.get(v.sku());
            Integer available = level == null ? null : level.available();
            return new VariantResponse(v.sku(), v.options(), v.price(), v.compareAtPrice(), v.weightGrams(), available,
                    available != null && available > 0);
        }).toList();
        return new ProductResponse(p.id(), p.storeId(), p.sellerId(), p.name(), p.description(), p.categoryId(),
                p.brand(), p.attributes(), p.options(), variants, ImageResponse.of(p.images(), links),
                new Money(p.minPriceMinor(), p.currency()), RatingResponse.of(p.rating()), p.status(),
                privileged ? p.statusReason() : null, p.createdAt(), p.updatedAt(), p.publishedAt(),
                p.currentVersion());
    }
}
