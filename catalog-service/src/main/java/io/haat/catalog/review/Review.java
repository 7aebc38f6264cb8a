package io.haat.catalog.review;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A verified-purchase review: one per delivered order line (unique {@code orderLineId}), rating 1–5, text up to
 * 2,000 characters. Reports put it in the admins' queue; admins hide or restore it.
 */
@Document("reviews")
@CompoundIndex(name = "order_line_unique", def = "{'orderLineId': 1}", unique = true)
@CompoundIndex(name = "product_visible", def = "{'productId': 1, 'status': 1, 'createdAt': -1}")
@CompoundIndex(name = "author", def = "{'authorId': 1, 'createdAt': -1}")
@CompoundIndex(name = "moderation", def = "{'reported': 1, 'status': 1, 'reportCount': -1}")
public record Review(@Id String id, String productId, String storeId, String authorId, String authorName,
                     String orderId, String orderLineId, int rating, String title, String text, ReviewStatus status,
                     boolean reported, int reportCount, List<Report> reports, String moderationReason,
                     Instant createdAt, Instant updatedAt, long version) {

    public Review {
        reports = reports == null ? List.of() : reports;
    }

    /** One user's report. */
    public record Report(String userId, String reason, Instant at) {
    }

    public boolean isVisible() {
        return status == ReviewStatus.VISIBLE;
    }
}
