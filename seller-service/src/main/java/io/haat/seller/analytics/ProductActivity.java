package io.haat.seller.analytics;

import java.util.Locale;
import java.util.Optional;

/** What a shopper did with a product, from catalog-service's tracking events. */
public enum ProductActivity {
    VIEW, CLICK, ADD_TO_CART;

    /** Reads a tracking kind leniently: "view", "PRODUCT_VIEW", "search-click", "ADD_TO_CART"... */
    public static Optional<ProductActivity> fromKind(String kind) {
        if (kind == null) {
            return Optional.empty();
        }
        String k = kind.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (k.equals("VIEW") || k.equals("PRODUCT_VIEW") || k.equals("PRODUCT_VIEWED")) {
            return Optional.of(VIEW);
        }
        if (k.equals("CLICK") || k.equals("SEARCH_CLICK") || k.equals("SEARCH_CLICKED")) {
            return Optional.of(CLICK);
        }
        if (k.equals("ADD_TO_CART") || k.equals("CART_ADD") || k.equals("ADDED_TO_CART")) {
            return Optional.of(ADD_TO_CART);
        }
        return Optional.empty();
    }
}
