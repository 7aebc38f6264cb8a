package io.haat.order.coupon;

import io.haat.order.cart.Cart;
import io.haat.order.cart.CartCaller;
import io.haat.order.cart.CartRepository;
import io.haat.order.cart.CartResponse;
import io.haat.order.cart.CartService;
import io.haat.order.cart.CartViews;
import io.haat.order.pricing.SellerOrderDraft;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Putting codes on a customer's cart and taking them off. A code is accepted only if it applies to the cart as it
 * is now (else 422, see {@link CouponRefusal}); it replaces the code held for the same store (or the site-wide
 * one). Whether it still applies later is the cart view's and checkout's business.
 */
@Service
public class CartCoupons {

    private final CartRepository carts;
    private final CartViews views;
    private final CartService cartService;
    private final CouponRepository coupons;
    private final CouponRedemptionService redemptions;
    private final Clock clock;

    public CartCoupons(CartRepository carts, CartViews views, CartService cartService, CouponRepository coupons,
                       CouponRedemptionService redemptions, Clock clock) {
        this.carts = carts;
        this.views = views;
        this.cartService = cartService;
        this.coupons = coupons;
        this.redemptions = redemptions;
        this.clock = clock;
    }

    @Transactional
    public CartResponse apply(UUID customerId, String rawCode) {
        String code = CouponCodes.normalise(rawCode, "code");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Cart cart = carts.lockOrCreateByCustomer(customerId, UUID.randomUUID(), now);
        List<SellerOrderDraft> drafts = CartViews.drafts(views.of(cart));
        List<Coupon> found = redemptions.resolve(code, drafts);
        if (found.isEmpty()) {
            throw CouponRefusal.notApplicable(code, "does not apply to the items in your cart");
        }
        for (Coupon coupon : found) {
            redemptions.refusal(coupon, customerId.toString(), now).ifPresent(refusal -> {
                throw refusal;
            });
        }
        DiscountAllocation.allocate(found, drafts).refused().stream().findFirst().ifPresent(refused -> {
            throw CouponRedemptionService.refusal(refused);
        });
        found.forEach(coupon -> coupons.putOnCart(cart.id(), coupon, now));
        return cartService.view(new CartCaller(customerId, null));
    }

    /** Takes {@code code} (null: every code) off the customer's cart; a code not there is already off. */
    @Transactional
    public CartResponse remove(UUID customerId, String rawCode) {
        String code = rawCode == null ? null : CouponCodes.normalise(rawCode, "code");
        carts.findByCustomer(customerId).ifPresent(cart -> coupons.removeFromCart(cart.id(), code));
        return cartService.view(new CartCaller(customerId, null));
    }
}
