package io.haat.order.wishlist;

import io.haat.events.Money;
import io.haat.order.catalog.Offer;
import java.time.Instant;
import java.util.List;

/**
 * A wishlist entry as shown now: the product's name, store and status from the local catalog copy; the price and
 * availability of the chosen variant, or without one the cheapest variant's price and the units of all variants.
 * {@code price} is null and {@code available} false when the catalog no longer knows the product.
 */
public record WishlistResponse(String productId, String sku, String name, String storeId, boolean active,
                               Money price, boolean available, int availableUnits, Instant addedAt) {

    static WishlistResponse of(WishlistItem item, List<Offer> variants) {
        List<Offer> chosen = item.sku() == null ? variants
                : variants.stream().filter(offer -> offer.sku().equals(item.sku())).toList();
        if (chosen.isEmpty()) {
            Offer any = variants.isEmpty() ? null : variants.getFirst();
            return new WishlistResponse(item.productId(), item.sku(), any == null ? null : any.name(),
                    any == null ? null : any.storeId(), false, null, false, 0, item.addedAt());
        }
        Offer first = chosen.getFirst(); // cheapest: the copies list variants by price
        int units = chosen.stream().mapToInt(Offer::available).sum();
        return new WishlistResponse(item.productId(), item.sku(), first.name(), first.storeId(), first.active(),
                first.price(), first.active() && units > 0, units, item.addedAt());
    }
}
