package io.haat.order.wishlist;

import io.haat.order.cart.CartResponse;
import io.haat.order.cart.CartService;
import io.haat.order.catalog.CatalogCopies;
import io.haat.order.catalog.Offer;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import io.haat.platform.web.UnprocessableException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's wishlist: products from the local catalog copy, shown with today's price and stock. */
@Service
public class WishlistService {

    /** Enough for any shopper; bounds what one account can store. */
    public static final int MAX_ITEMS = 200;

    private final WishlistRepository wishlist;
    private final CatalogCopies catalog;
    private final CartService carts;
    private final Clock clock;

    public WishlistService(WishlistRepository wishlist, CatalogCopies catalog, CartService carts, Clock clock) {
        this.wishlist = wishlist;
        this.catalog = catalog;
        this.carts = carts;
        this.clock = clock;
    }

    /** Adds a product (a product already there stays as it was: 200 with the entry). */
    @Transactional
    public WishlistResponse add(UUID customerId, String productId, String sku) {
        List<Offer> variants = catalog.offers(productId);
        if (variants.isEmpty()) {
            throw new InvalidRequestException("productId", "is not a known product");
        }
        if (sku != null && variants.stream().noneMatch(offer -> offer.sku().equals(sku))) {
            throw new InvalidRequestException("sku", "is not a variant of product " + productId);
        }
        if (wishlist.find(customerId, productId).isEmpty() && wishlist.count(customerId) >= MAX_ITEMS) {
            throw new UnprocessableException("wishlist-limit", "Wishlist is full",
                    "A wishlist holds at most " + MAX_ITEMS + " products.").with("maxItems", MAX_ITEMS);
        }
        wishlist.addIfAbsent(new WishlistItem(customerId, productId, sku, now()));
        return WishlistResponse.of(wishlist.find(customerId, productId).orElseThrow(), variants);
    }

    @Transactional(readOnly = true)
    public PageResponse<WishlistResponse> list(UUID customerId, Paging paging) {
        List<WishlistItem> items = wishlist.page(customerId, paging);
        Map<String, List<Offer>> offers = catalog.offersOf(items.stream().map(WishlistItem::productId).toList());
        return PageResponse.of(items.stream()
                .map(item -> WishlistResponse.of(item, offers.getOrDefault(item.productId(), List.of()))).toList(),
                paging, wishlist.count(customerId));
    }

    /** Removes a product; one that is not on the list is already removed. */
    @Transactional
    public void remove(UUID customerId, String productId) {
        wishlist.remove(customerId, productId);
    }

    /**
     * Puts the product in the customer's cart (the cart's limits apply) and takes it off the wishlist, in one
     * transaction: if the cart refuses, the product stays wished for.
     */
    @Transactional
    public CartResponse moveToCart(UUID customerId, String productId, String sku, Integer quantity) {
        WishlistItem item = wishlist.find(customerId, productId)
                .orElseThrow(() -> NotFoundException.of("Wishlist product", productId));
        String chosen = sku != null ? sku : item.sku() != null ? item.sku() : onlyVariant(productId);
        CartResponse cart = carts.addForCustomer(customerId, productId, chosen, quantity == null ? 1 : quantity);
        wishlist.remove(customerId, productId);
        return cart;
    }

    private String onlyVariant(String productId) {
        List<Offer> variants = catalog.offers(productId);
        if (variants.size() != 1) {
            throw new InvalidRequestException("sku", variants.isEmpty() ? "cannot be chosen: the product is no longer sold"
                    : "is required: the product has " + variants.size() + " variants");
        }
        return variants.getFirst().sku();
    }

    /** Now, to the microsecond PostgreSQL keeps: what a change answers equals what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
