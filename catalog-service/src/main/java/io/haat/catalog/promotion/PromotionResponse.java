package io.haat.catalog.promotion;

import io.haat.catalog.support.Links;
import java.time.Instant;

/**
 * A promotion with what a storefront needs to render it: the image links and {@code link}, the API path of the
 * target (or its URL).
 */
public record PromotionResponse(String id, String title, String subtitle, Promotion.Placement placement,
                                Promotion.Target target, String link, ImageLinks image, Instant startsAt,
                                Instant endsAt, int priority, boolean enabled, boolean live, long version) {

    /** Links to the banner image: full and 800 px. */
    public record ImageLinks(String id, String url, String thumbnailLarge, int width, int height) {
    }

    public static PromotionResponse of(Promotion p, Instant now, Links links) {
        ImageLinks image = p.image() == null ? null : new ImageLinks(p.image().imageId(), links.image(p.image().imageId()),
                links.thumbnail(p.image().imageId(), 800), p.image().width(), p.image().height());
        String link = switch (p.target().type()) {
            case PRODUCT -> "/products/" + p.target().id();
            case CATEGORY -> "/categories/" + p.target().id();
            case STORE -> "/stores/" + p.target().id();
            case URL -> p.target().url();
        };
        return new PromotionResponse(p.id(), p.title(), p.subtitle(), p.placement(), p.target(), link, image,
                p.startsAt(), p.endsAt(), p.priority(), p.enabled(), p.isLiveAt(now), p.version());
    }
}
