package io.haat.order.cart;

import io.haat.events.Money;
import io.haat.order.catalog.Offer;
import io.haat.order.catalog.ProductVariantKey;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.UnprocessableException;
import io.haat.platform.domain.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A customer's (or a guest's) cart and its limits: 1 to {@value #MAX_QUANTITY} units a line, never more than the
 * stock available when the units are added, at most {@value #MAX_LINES} lines. A cart has no status; its
 * transitions return the new cart (version one higher) or {@link Transition#unchanged} when nothing changes
 * (removing a line that is not there, clearing an empty cart, setting the quantity a line already has). Carts raise
 * no events: nobody outside order-service needs to hear about them.
 *
 * <p>Prices and stock may change after a line was added; the cart keeps the line (its view flags it) rather than
 * dropping it, so the customer sees what happened.
 *
 * @param customerId the owner; null for a guest cart, which its token identifies
 */
public record Cart(UUID id, UUID customerId, List<CartLine> lines, long version, Instant updatedAt) {

    public static final int MAX_QUANTITY = 99;
    public static final int MAX_LINES = 100;

    public Cart {
        lines = List.copyOf(lines);
    }

    public static Cart empty(UUID id, UUID customerId, Instant at) {
        return new Cart(id, customerId, List.of(), 0, at);
    }

    public boolean isGuest() {
        return customerId == null;
    }

    public Optional<CartLine> line(UUID lineId) {
        return lines.stream().filter(line -> line.id().equals(lineId)).findFirst();
    }

    public Optional<CartLine> line(ProductVariantKey key) {
        return lines.stream().filter(line -> line.key().equals(key)).findFirst();
    }

    /**
     * Puts {@code quantity} units of the offer's SKU in the cart: a new line, or more of the line already holding it
     * (whose price-when-added becomes today's: the customer has just seen it).
     */
    public Transition<Cart> add(Offer offer, int quantity, Supplier<UUID> lineIds, Instant at) {
        requireQuantity(quantity);
        if (!offer.active()) {
            throw new UnprocessableException("product-unavailable", "Product not available",
                    "Product " + offer.productId() + " is not on sale.").with("productId", offer.productId());
        }
        Optional<CartLine> existing = line(new ProductVariantKey(offer.productId(), offer.sku()));
        int total = existing.map(CartLine::quantity).orElse(0) + quantity;
        if (total > MAX_QUANTITY) {
            throw new UnprocessableException("cart-quantity-limit", "Too many units",
                    "A line holds at most " + MAX_QUANTITY + " units; " + existing.get().quantity()
                            + " of " + offer.sku() + " are already in the cart.").with("maxQuantity", MAX_QUANTITY);
        }
        requireAvailable(offer, total);
        List<CartLine> next = new ArrayList<>(lines);
        if (existing.isPresent()) {
            next.set(lines.indexOf(existing.get()), existing.get().withQuantity(total, offer.price()));
        } else {
            if (lines.size() >= MAX_LINES) {
                throw new UnprocessableException("cart-line-limit", "Cart is full",
                        "A cart holds at most " + MAX_LINES + " lines.").with("maxLines", MAX_LINES);
            }
            next.add(new CartLine(lineIds.get(), offer.productId(), offer.sku(), quantity, offer.price(), at));
        }
        return Transition.to(next(next, at));
    }

    /**
     * Sets a line's quantity. More units must be in stock ({@code offer} is the line's SKU now, null when the
     * catalog no longer knows it); fewer are always allowed, so a flagged line can be brought down.
     */
    public Transition<Cart> changeQuantity(UUID lineId, int quantity, Offer offer, Instant at) {
        CartLine line = line(lineId).orElseThrow(() -> NotFoundException.of("Cart line", lineId));
        requireQuantity(quantity);
        if (quantity == line.quantity()) {
            return Transition.unchanged(this);
        }
        if (quantity > line.quantity()) {
            if (offer == null || !offer.active()) {
                throw new UnprocessableException("product-unavailable", "Product not available",
                        "Product " + line.productId() + " is not on sale.").with("productId", line.productId());
            }
            requireAvailable(offer, quantity);
        }
        List<CartLine> next = new ArrayList<>(lines);
        next.set(lines.indexOf(line), line.withQuantity(quantity));
        return Transition.to(next(next, at));
    }

    /**
     * The customer has been shown today's prices (checkout answered {@code 409 cart-changed} with them): each line
     * in {@code prices} takes that price as its price-when-added, so the next checkout goes through. Lines already
     * at their price are left alone; none to change is {@link Transition#unchanged}.
     */
    public Transition<Cart> acknowledgePrices(Map<ProductVariantKey, Money> prices, Instant at) {
        List<CartLine> next = new ArrayList<>(lines);
        boolean changed = false;
        for (CartLine line : lines) {
            Money price = prices.get(line.key());
            if (price != null && !price.equals(line.priceWhenAdded())) {
                next.set(lines.indexOf(line), line.withQuantity(line.quantity(), price));
                changed = true;
            }
        }
        return changed ? Transition.to(next(next, at)) : Transition.unchanged(this);
    }

    /** Takes a line out; a line that is not there is already removed. */
    public Transition<Cart> remove(UUID lineId, Instant at) {
        Optional<CartLine> line = line(lineId);
        if (line.isEmpty()) {
            return Transition.unchanged(this);
        }
        List<CartLine> next = new ArrayList<>(lines);
        next.remove(line.get());
        return Transition.to(next(next, at));
    }

    public Transition<Cart> clear(Instant at) {
        return lines.isEmpty() ? Transition.unchanged(this) : Transition.to(next(List.of(), at));
    }

    /**
     * Takes over a guest cart's lines when its holder signs in. Quantities of the same SKU are summed, then held to
     * the limits instead of refused (signing in must not fail): at most {@value #MAX_QUANTITY} a line, no more than
     * is available (but never fewer than this cart already had), and lines past {@value #MAX_LINES} are left out.
     * A guest line whose SKU is out of stock or no longer sold is kept as it was, to be flagged like any other.
     *
     * @param offers  the guest lines' SKUs as known now (absent: no longer in the catalog)
     * @param lineIds ids for the lines that move in (the guest's own lines are deleted with the guest cart)
     */
    public Transition<Cart> merge(Cart guest, Map<ProductVariantKey, Offer> offers, Supplier<UUID> lineIds,
                                  Instant at) {
        if (guest.lines.isEmpty()) {
            return Transition.unchanged(this);
        }
        List<CartLine> next = new ArrayList<>(lines);
        for (CartLine incoming : guest.lines) {
            Offer offer = offers.get(incoming.key());
            Optional<CartLine> existing = next.stream().filter(l -> l.key().equals(incoming.key())).findFirst();
            if (existing.isPresent()) {
                int held = existing.get().quantity();
                int merged = Math.max(held, capped(held + incoming.quantity(), offer));
                next.set(next.indexOf(existing.get()), existing.get().withQuantity(merged));
            } else if (next.size() < MAX_LINES) {
                next.add(new CartLine(lineIds.get(), incoming.productId(), incoming.sku(),
                        capped(incoming.quantity(), offer), incoming.priceWhenAdded(), incoming.addedAt()));
            }
        }
        return Transition.to(next(next, at));
    }

    /** Units held to the line limit and, for a SKU in stock, to what is available. */
    private static int capped(int quantity, Offer offer) {
        int limit = offer != null && offer.sellable() ? Math.min(MAX_QUANTITY, offer.available()) : MAX_QUANTITY;
        return Math.max(1, Math.min(quantity, limit));
    }

    private Cart next(List<CartLine> nextLines, Instant at) {
        return new Cart(id, customerId, nextLines, version + 1, at);
    }

    private static void requireQuantity(int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidRequestException("quantity", "must be between 1 and " + MAX_QUANTITY);
        }
    }

    private static void requireAvailable(Offer offer, int quantity) {
        if (quantity > offer.available()) {
            throw new ConflictException("insufficient-stock", "Not enough stock",
                    offer.available() == 0 ? offer.sku() + " is out of stock."
                            : "Only " + offer.available() + " of " + offer.sku() + " are available.")
                    .with("sku", offer.sku()).with("available", offer.available());
        }
    }
}
