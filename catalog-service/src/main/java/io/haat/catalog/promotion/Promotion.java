package io.haat.catalog.promotion;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A promotion or banner, managed by admins: shown at a placement between {@code startsAt} (inclusive) and
 * {@code endsAt} (exclusive) while enabled, highest priority first, linking to its target.
 */
@Document("promotions")
@CompoundIndex(name = "live", def = "{'enabled': 1, 'placement': 1, 'endsAt': 1}")
public record Promotion(@Id String id, String title, String subtitle, Placement placement, Target target,
                        Image image, Instant startsAt, Instant endsAt, int priority, boolean enabled,
                        Instant createdAt, Instant updatedAt, long version) {

    /** Where on the storefront a promotion appears. */
    public enum Placement {
        HOME_HERO, HOME_BANNER, CATEGORY_BANNER, SEARCH_BANNER, CART_BANNER
    }

    /** What it links to: a product, category or store by id, or a URL. */
    public record Target(TargetType type, String id, String url) {
    }

    /** The kinds of target. */
    public enum TargetType {
        PRODUCT, CATEGORY, STORE, URL
    }

    /** The banner image (stored like product images). */
    public record Image(String imageId, String contentType, int width, int height) {
    }

    public boolean isLiveAt(Instant now) {
        return enabled && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
}
