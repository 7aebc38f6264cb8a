package io.haat.catalog.review;

import java.time.Instant;

/**
 * A review. {@code authorName} is the author's review name (never their full name). Moderation fields ({@code reportCount}, {@code moderationReason}) are filled for admins only;
 * {@code orderLineId} for the author and admins.
 */
public record ReviewResponse(String id, String productId, String authorName, int rating, String title, String text,
                             boolean verifiedPurchase, ReviewStatus status, Integer reportCount,
                             String moderationReason, String orderLineId, Instant createdAt, Instant updatedAt) {

    public static ReviewResponse forPublic(Review r) {
        return new ReviewResponse(r.id(), r.productId(), r.publicAuthorName(), r.rating(), r.title(), r.text(), true,
                r.status(), null, null, null, r.createdAt(), r.updatedAt());
    }

    public static ReviewResponse forAuthor(Review r) {
        return new ReviewResponse(r.id(), r.productId(), r.publicAuthorName(), r.rating(), r.title(), r.text(), true,
                r.status(), null, null, r.orderLineId(), r.createdAt(), r.updatedAt());
    }

    public static ReviewResponse forAdmin(Review r) {
        return new ReviewResponse(r.id(), r.productId(), r.publicAuthorName(), r.rating(), r.title(), r.text(), true,
                r.status(), r.reportCount(), r.moderationReason(), r.orderLineId(), r.createdAt(), r.updatedAt());
    }
}
