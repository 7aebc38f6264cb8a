package io.haat.catalog.product;

import io.haat.events.catalog.ProductChanged;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
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
 * transition returns the product after it with the {@link ProductChanged} snapshot it raised, is a no-op when the
 * product is already where it was asked to go, or throws {@link IllegalTransition}
 * ({@code illegal-product-transition}). {@code storeVisible} mirrors whether the store (and its seller) may sell
 * publicly; {@code ownerId} is the store owner's user id.
 *
 * <pre>
 * from \ action   edit         submit          approve  reject    ban      unban  archive   delete
 * DRAFT           edited       PENDING_REVIEW  refused  refused   BANNED   no-op  ARCHIVED  DELETED
 * PENDING_REVIEW  edited       no-op           ACTIVE   REJECTED  BANNED   no-op  ARCHIVED  DELETED
 * ACTIVE          edited (1)   refused         no-op    refused   BANNED   no-op  ARCHIVED  DELETED
 * REJECTED        edited       PENDING_REVIEW  refused  no-op     BANNED   no-op  ARCHIVED  DELETED
 * BANNED          refused      refused         refused  refused   no-op    DRAFT  refused   refused
 * ARCHIVED        edited       PENDING_REVIEW  refused  refused   BANNED   no-op  no-op     DELETED
 * DELETED         refused      refused         refused  refused   refused  no-op  refused   no-op
 * </pre>
 * Every change raises the product's {@code ProductChanged} snapshot. An edit is always a change and keeps the
 * status, except (1): an ACTIVE product whose description changes goes back to PENDING_REVIEW. {@code unban}
 * means "not banned", so a product that is not banned is already there. A repeated decision with another payload
 * (a second rejection or ban with a new reason) is still "already there": the first decision and its reason stand.
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
    /** Products (not deleted) one store may hold: a seller's catalog cannot grow without bound. */
    public static final int MAX_PER_STORE = 10_000;
    static final String AGGREGATE = "product";

    public Product {
        attributes = attributes == null ? Map.of() : attributes;
        options = options == null ? List.of() : options;
        variants = variants == null ? List.of() : variants;
        images = images == null ? List.of() : images;
        rating = rating == null ? Rating.NONE : rating;
    }

    /** A new product at version 0: a draft, or straight to review when the seller submits it. */
    public static Transition<Product> create(String storeId, String sellerId, String ownerId, ProductContent content,
                                             boolean submit, boolean storeVisible, Instant now) {
        Product created = new Product(UUID.randomUUID().toString(), storeId, sellerId, ownerId, content.name(),
                content.description(), content.categoryId(), content.brand(), content.attributes(), content.options(),
                content.variants(), content.lowestPrice().amountMinor(), content.currency(),
                submit ? ProductStatus.PENDING_REVIEW : ProductStatus.DRAFT, null, storeVisible, List.of(),
                Rating.NONE, now, now, null, 0L);
        return Transition.to(created, created.snapshot());
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
    public Transition<Product> edit(ProductContent content, Instant now) {
        require(status != ProductStatus.BANNED && status != ProductStatus.DELETED, "edited");
        ProductStatus next = status == ProductStatus.ACTIVE && content.differsInDescriptionFrom(content())
                ? ProductStatus.PENDING_REVIEW : status;
        return changedTo(new Product(id, storeId, sellerId, ownerId, content.name(), content.description(),
                content.categoryId(), content.brand(), content.attributes(), content.options(), content.variants(),
                content.lowestPrice().amountMinor(), content.currency(), next, statusReason, storeVisible, images,
                rating, createdAt, now, publishedAt, nextVersion()));
    }

    /** The owner asks for review: a draft, a rejected product after corrections, or an archived one. */
    public Transition<Product> submit(Instant now) {
        if (status == ProductStatus.PENDING_REVIEW) {
            return Transition.unchanged(this);
        }
        require(status == ProductStatus.DRAFT || status == ProductStatus.REJECTED || status == ProductStatus.ARCHIVED,
                "submitted for review");
        return changedTo(withStatus(ProductStatus.PENDING_REVIEW, null, publishedAt, now));
    }

    public Transition<Product> approve(Instant now) {
        if (status == ProductStatus.ACTIVE) {
            return Transition.unchanged(this);
        }
        require(status == ProductStatus.PENDING_REVIEW, "approved");
        return changedTo(withStatus(ProductStatus.ACTIVE, null, publishedAt != null ? publishedAt : now, now));
    }

    /** Already rejected: a no-op that keeps the first reason, whatever {@code reason} says. */
    public Transition<Product> reject(String reason, Instant now) {
        if (status == ProductStatus.REJECTED) {
            return Transition.unchanged(this);
        }
        require(status == ProductStatus.PENDING_REVIEW, "rejected");
        return changedTo(withStatus(ProductStatus.REJECTED, reason, publishedAt, now));
    }

    /** Already banned: a no-op that keeps the first reason, whatever {@code reason} says. */
    public Transition<Product> ban(String reason, Instant now) {
        if (status == ProductStatus.BANNED) {
            return Transition.unchanged(this);
        }
        require(status != ProductStatus.DELETED, "banned");
        return changedTo(withStatus(ProductStatus.BANNED, reason, publishedAt, now));
    }

    /**
     * A lifted ban returns the product to its owner as a draft, to be corrected and reviewed again; a product that
     * is not banned is left as it is.
     */
    public Transition<Product> unban(Instant now) {
        if (status != ProductStatus.BANNED) {
            return Transition.unchanged(this);
        }
        return changedTo(withStatus(ProductStatus.DRAFT, null, publishedAt, now));
    }

    public Transition<Product> archive(Instant now) {
        if (status == ProductStatus.ARCHIVED) {
            return Transition.unchanged(this);
        }
        require(status != ProductStatus.BANNED && status != ProductStatus.DELETED, "archived");
        return changedTo(withStatus(ProductStatus.ARCHIVED, null, publishedAt, now));
    }

    /** Deleted products disappear for everyone; a banned one stays for the admins' records. */
    public Transition<Product> delete(Instant now) {
        if (status == ProductStatus.DELETED) {
            return Transition.unchanged(this);
        }
        require(status != ProductStatus.BANNED, "deleted");
        return changedTo(withStatus(ProductStatus.DELETED, null, publishedAt, now));
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

    /** What {@code catalog.product} and the audit trail carry: the product as order-service needs it. */
    public ProductChanged snapshot() {
        return new ProductChanged(id, storeId, sellerId, name, categoryId, published(status),
                variants.stream().map(v -> new ProductChanged.Variant(v.sku(), v.price(), v.compareAtPrice(),
                        v.weightGrams())).toList());
    }

    private long nextVersion() {
        return currentVersion() + 1;
    }

    private Product withStatus(ProductStatus next, String reason, Instant published, Instant now) {
        return new Product(id, storeId, sellerId, ownerId, name, description, categoryId, brand, attributes, options,
                variants, minPriceMinor, currency, next, reason, storeVisible, images, rating, createdAt, now,
                published, nextVersion());
    }

    private static Transition<Product> changedTo(Product next) {
        return Transition.to(next, next.snapshot());
    }

    // exhaustive on purpose: a new product status does not compile until the contract knows it
    private static io.haat.events.catalog.ProductStatus published(ProductStatus status) {
        return switch (status) {
            case DRAFT -> io.haat.events.catalog.ProductStatus.DRAFT;
            case PENDING_REVIEW -> io.haat.events.catalog.ProductStatus.PENDING_REVIEW;
            case ACTIVE -> io.haat.events.catalog.ProductStatus.ACTIVE;
            case REJECTED -> io.haat.events.catalog.ProductStatus.REJECTED;
            case BANNED -> io.haat.events.catalog.ProductStatus.BANNED;
            case ARCHIVED -> io.haat.events.catalog.ProductStatus.ARCHIVED;
            case DELETED -> io.haat.events.catalog.ProductStatus.DELETED;
        };
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalTransition(AGGREGATE, status, action);
        }
    }
}
