package io.haat.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A product of a store: its content, variants, images, rating and status. The status rules live here: every
 * transition returns the product after it or throws {@link IllegalProductTransition}. {@code storeVisible} mirrors
 * whether the store (and its seller) may sell publicly; {@code ownerId} is the store owner's user id.
 */
@Document("products")
@CompoundIndex(name = "sku_unique", def = "{'variants.sku': 1}", unique = true)
@CompoundIndex(name = "store_newest", def = "{'storeId': 1, 'createdAt': -1}")
@CompoundIndex(name = "category_public", def = "{'categoryId': 1, 'status': 1, 'storeVisible': 1, 'createdAt': -1}")
@CompoundIndex(name = "moderation_queue", def = "{'status': 1, 'updatedAt': 1}")
public record Product(@Id String id, String storeId, String sellerId, String ownerId,
                      String name, String description, String categoryId, String brand,
                      Map<String, String> attributes, List<ProductOption> options, List<Variant> variants,
                      long minPriceMinor, String currency,
                      ProductStatus status, String statusReason, boolean storeVisible,
                      List<ProductImage> images, Rating rating,
                      Instant createdAt, Instant updatedAt, Instant publishedAt, @Version Long version) {

    public static final int MAX_IMAGES = 10;

    public Product {
        attributes = attributes == null ? Map.of() : attributes;
        options = options == null ? List.of() : options;
        variants = variants == null ? List.of() : variants;
        images = images == null ? List.of() : images;
        rating = rating == null ? Rating.NONE : rating;
    }

    /** A new product: a draft, or straight to review when the seller submits it. */
    public static Product create(String storeId, String sellerId, String ownerId, ProductContent content,
                                 boolean submit, boolean storeVisible, Instant now) {
        return new Product(UUID.randomUUID().toString(), storeId, sellerId, ownerId, content.name(),
                content.description(), content.categoryId(), content.brand(), content.attributes(), content.options(),
                content.variants(), content.lowestPrice().amountMinor(), content.currency(),
                submit ? ProductStatus.PENDING_REVIEW : ProductStatus.DRAFT, null, storeVisible, List.of(),
                Rating.NONE, now, now, null, 0L);
    }

    public List<String> skus() {
        return variants.stream().map(Variant::sku).toList();
    }

    public ProductContent content() {
        return new ProductContent(name, description, categoryId, brand, attributes, variants);
    }

    /**
     * New content. Not for a banned or deleted product. An ACTIVE product whose description changes (not just
     * prices or weights) goes back to review, so an approved listing cannot turn into another one.
     */
    public Product edit(ProductContent content, Instant now) {
        require(status != ProductStatus.BANNED && status != ProductStatus.DELETED, "edited");
        ProductStatus next = status == ProductStatus.ACTIVE && content.differsInDescriptionFrom(content())
                ? ProductStatus.PENDING_REVIEW : status;
        return new Product(id, storeId, sellerId, ownerId, content.name(), content.description(),
                content.categoryId(), content.brand(), content.attributes(), content.options(), content.variants(),
                content.lowestPrice().amountMinor(), content.currency(), next, statusReason, storeVisible, images,
                rating, createdAt, now, publishedAt, version);
    }

    /** The owner asks for review: a draft, a rejected product after corrections, or an archived one. */
    public Product submit(Instant now) {
        require(status == ProductStatus.DRAFT || status == ProductStatus.REJECTED || status == ProductStatus.ARCHIVED,
                "submitted for review");
        return withStatus(ProductStatus.PENDING_REVIEW, null, now);
    }

    public Product approve(Instant now) {
        require(status == ProductStatus.PENDING_REVIEW, "approved");
        Product approved = withStatus(ProductStatus.ACTIVE, null, now);
        return publishedAt != null ? approved : approved.publishedAt(now);
    }

    public Product reject(String reason, Instant now) {
        require(status == ProductStatus.PENDING_REVIEW, "rejected");
        return withStatus(ProductStatus.REJECTED, reason, now);
    }

    public Product ban(String reason, Instant now) {
        require(status != ProductStatus.BANNED && status != ProductStatus.DELETED, "banned");
        return withStatus(ProductStatus.BANNED, reason, now);
    }

    /** A lifted ban returns the product to its owner as a draft, to be corrected and reviewed again. */
    public Product unban(Instant now) {
        require(status == ProductStatus.BANNED, "unbanned");
        return withStatus(ProductStatus.DRAFT, null, now);
    }

    public Product archive(Instant now) {
        require(status != ProductStatus.BANNED && status != ProductStatus.DELETED && status != ProductStatus.ARCHIVED,
                "archived");
        return withStatus(ProductStatus.ARCHIVED, null, now);
    }

    /** Deleted products disappear for everyone; a banned one stays for the admins' records. */
    public Product delete(Instant now) {
        require(status != ProductStatus.BANNED && status != ProductStatus.DELETED, "deleted");
        return withStatus(ProductStatus.DELETED, null, now);
    }

    /** Whether anyone, signed in or not, may see it. */
    public boolean isPublic() {
        return status == ProductStatus.ACTIVE && storeVisible;
    }

    public boolean isOwnedBy(String userId) {
        return ownerId != null && ownerId.equals(userId);
    }

    public long currentVersion() {
        return version == null ? 0 : version;
    }

    private Product publishedAt(Instant at) {
        return new Product(id, storeId, sellerId, ownerId, name, description, categoryId, brand, attributes, options,
                variants, minPriceMinor, currency, status, statusReason, storeVisible, images, rating, createdAt,
                updatedAt, at, version);
    }

    private Product withStatus(ProductStatus next, String reason, Instant now) {
        return new Product(id, storeId, sellerId, ownerId, name, description, categoryId, brand, attributes, options,
                variants, minPriceMinor, currency, next, reason, storeVisible, images, rating, createdAt, now,
                publishedAt, version);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalProductTransition(status, action);
        }
    }
}
