package io.haat.order.cart;

import io.haat.order.catalog.CatalogCopies;
import io.haat.order.catalog.Offer;
import io.haat.platform.domain.Transition;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cart use cases: find the caller's cart (merging a presented guest cart into a customer's), ask the
 * {@link Cart} for the change, save it, and answer the cart priced now.
 */
@Service
public class CartService {

    private final CartRepository carts;
    private final CatalogCopies catalog;
    private final CartViews views;
    private final CartProperties properties;
    private final Clock clock;

    public CartService(CartRepository carts, CatalogCopies catalog, CartViews views, CartProperties properties,
                       Clock clock) {
        this.carts = carts;
        this.catalog = catalog;
        this.views = views;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a cart call answers: the cart, and the token of a guest cart this call created (else null). */
    public record Result(CartResponse cart, CartToken issuedToken) {
    }

    /** The caller's cart; a guest without a token has none yet (an empty view). */
    @Transactional
    public CartResponse view(CartCaller caller) {
        Instant now = now();
        if (caller.isCustomer()) {
            if (caller.token() != null) {
                return views.of(customerCart(caller, now));
            }
            return carts.findByCustomer(caller.customerId()).map(views::of)
                    .orElseGet(() -> views.of(Cart.empty(null, caller.customerId(), now)));
        }
        if (caller.token() == null) {
            return CartViews.none();
        }
        return views.of(guestCart(caller.token(), now, false));
    }

    /** Adds units of a SKU; a guest's first add creates their cart and issues its token. */
    @Transactional
    public Result add(CartCaller caller, String productId, String sku, int quantity) {
        Instant now = now();
        Offer offer = catalog.offer(productId, sku).orElseThrow(() -> unknownVariant(productId, sku));
        CartToken issued = null;
        Cart cart;
        if (caller.isCustomer()) {
            cart = customerCart(caller, now);
        } else if (caller.token() != null) {
            cart = guestCart(caller.token(), now, true);
        } else {
            issued = CartToken.issue();
            cart = carts.createGuest(UUID.randomUUID(), issued.hash(), now, now.plus(properties.guestTtl()));
        }
        Cart saved = apply(cart, cart.add(offer, quantity, UUID::randomUUID, now), now);
        return new Result(views.of(saved), issued);
    }

    @Transactional
    public CartResponse changeQuantity(CartCaller caller, UUID lineId, int quantity) {
        Instant now = now();
        Cart cart = existingCart(caller, now).orElseThrow(() -> NotFoundException.of("Cart line", lineId));
        Offer offer = cart.line(lineId).flatMap(line -> catalog.offer(line.productId(), line.sku())).orElse(null);
        return views.of(apply(cart, cart.changeQuantity(lineId, quantity, offer, now), now));
    }

    @Transactional
    public CartResponse remove(CartCaller caller, UUID lineId) {
        Instant now = now();
        return existingCart(caller, now).map(cart -> views.of(apply(cart, cart.remove(lineId, now), now)))
                .orElseGet(CartViews::none);
    }

    @Transactional
    public void clear(CartCaller caller) {
        Instant now = now();
        existingCart(caller, now).ifPresent(cart -> apply(cart, cart.clear(now), now));
    }

    /** For a caller acting on lines: their cart, locked; empty when a guest has none (or a customer has none yet). */
    private Optional<Cart> existingCart(CartCaller caller, Instant now) {
        if (caller.isCustomer()) {
            return Optional.of(customerCart(caller, now));
        }
        return caller.token() == null ? Optional.empty() : Optional.of(guestCart(caller.token(), now, true));
    }

    /**
     * The customer's cart, locked; if they present a live guest cart's token, its lines move in (within the limits,
     * see {@link Cart#merge}) and the guest cart is deleted, so its token opens nothing any more. A token that opens
     * no live cart is ignored: the customer's cart is what a signed-in caller asked for.
     */
    private Cart customerCart(CartCaller caller, Instant now) {
        Cart cart = carts.lockOrCreateByCustomer(caller.customerId(), UUID.randomUUID(), now);
        if (caller.token() == null) {
            return cart;
        }
        Optional<Cart> guest = carts.findGuest(caller.token().hash(), now, true);
        if (guest.isEmpty()) {
            return cart;
        }
        var offers = catalog.offers(guest.get().lines().stream().map(CartLine::key).toList());
        Cart merged = apply(cart, cart.merge(guest.get(), offers, UUID::randomUUID, now), now);
        carts.delete(guest.get().id());
        return merged;
    }

    private Cart guestCart(CartToken token, Instant now, boolean lock) {
        return carts.findGuest(token.hash(), now, lock).orElseThrow(() -> new NotFoundException("cart-not-found",
                "Cart not found", "No cart for this cart token: it expired or was merged into a customer's cart."));
    }

    private Cart apply(Cart before, Transition<Cart> transition, Instant now) {
        if (transition.changed()) {
            carts.save(before, transition.state(), now.plus(properties.guestTtl()));
        }
        return transition.state();
    }

    /** For callers outside the cart (the wishlist's move-to-cart): adds to a customer's cart. */
    @Transactional
    public CartResponse addForCustomer(UUID customerId, String productId, String sku, int quantity) {
        return add(new CartCaller(customerId, null), productId, sku, quantity).cart();
    }

    /** 400 naming the field that is wrong: an unknown product, or a SKU that is not one of its variants. */
    private InvalidRequestException unknownVariant(String productId, String sku) {
        return catalog.offers(productId).isEmpty()
                ? new InvalidRequestException("productId", "is not a known product")
                : new InvalidRequestException("sku", "is not a variant of product " + productId);
    }

    /** Now, to the microsecond PostgreSQL keeps: what a change answers equals what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
