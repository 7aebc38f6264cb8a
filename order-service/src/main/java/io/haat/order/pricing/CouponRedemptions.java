package io.haat.order.pricing;

import java.util.List;
import java.util.UUID;

/**
 * The seam between checkout (and the cart view) and coupons (package {@code io.haat.order.coupon}). Codes are
 * applied to a cart with {@code POST /cart/coupon}; checkout redeems what the cart holds.
 */
public interface CouponRedemptions {

    /** The codes applied to a cart (store coupons and at most one site coupon). */
    List<String> codesOf(UUID cartId);

    /** The discounts these codes would give now, consuming nothing (the cart view). */
    Discounts preview(String customerId, List<String> codes, List<SellerOrderDraft> drafts);

    /**
     * Prices the discounts and consumes one use of each coupon for {@code customerId} under {@code orderId},
     * joining the caller's transaction (checkout), and detaches the codes from the cart. A code that cannot be
     * used now (expired, exhausted, below its minimum, the customer's limit reached) is a 422 problem and nothing
     * is consumed. Usage limits hold under concurrency.
     */
    Discounts redeem(String orderId, String customerId, UUID cartId, List<SellerOrderDraft> drafts);

    /** Gives back the uses consumed by {@code orderId} (cancelled before payment); idempotent. */
    void giveBack(String orderId);
}
