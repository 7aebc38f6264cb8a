package io.haat.catalog.product;

import io.haat.platform.web.InvalidRequestException;
import java.util.Locale;
import org.springframework.data.domain.Sort;

/** How a product list is ordered: {@code newest} (default), {@code price_asc}, {@code price_desc}, {@code rating}. */
public enum ProductSort {
    NEWEST(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"))),
    PRICE_ASC(Sort.by(Sort.Order.asc("minPriceMinor"), Sort.Order.desc("createdAt"), Sort.Order.asc("_id"))),
    PRICE_DESC(Sort.by(Sort.Order.desc("minPriceMinor"), Sort.Order.desc("createdAt"), Sort.Order.asc("_id"))),
    RATING(Sort.by(Sort.Order.desc("rating.average"), Sort.Order.desc("rating.count"), Sort.Order.desc("createdAt"),
            Sort.Order.asc("_id"))),
    /** The moderation queue: longest waiting first. */
    OLDEST_CHANGE(Sort.by(Sort.Order.asc("updatedAt"), Sort.Order.asc("_id")));

    private final Sort sort;

    ProductSort(Sort sort) {
        this.sort = sort;
    }

    public Sort sort() {
        return sort;
    }

    public static ProductSort parse(String value) {
        if (value == null || value.isBlank()) {
            return NEWEST;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "newest" -> NEWEST;
            case "price_asc", "price" -> PRICE_ASC;
            case "price_desc", "-price" -> PRICE_DESC;
            case "rating" -> RATING;
            default -> throw new InvalidRequestException("sort", "must be one of newest, price_asc, price_desc, rating");
        };
    }
}
