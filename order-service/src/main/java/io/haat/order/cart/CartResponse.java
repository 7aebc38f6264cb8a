package io.haat.order.cart;

import io.haat.events.Money;
import io.haat.order.pricing.Discounts;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A cart as the customer sees it, priced now from the local catalog copy and grouped by store. Subtotals count
 * only lines that can be bought as they are (no {@code UNAVAILABLE}, {@code OUT_OF_STOCK} or
 * {@code INSUFFICIENT_STOCK} flag); one subtotal per currency.
 *
 * <p>For the API's core shape the view also holds every line in one flat list ({@code items}, the same line objects
 * as under {@code stores}), the buyable {@code subtotal} when it is in one currency (null when the cart holds
 * none, or several currencies), the coupons that apply now ({@code coupons}; every code the customer applied is in
 * {@code couponCodes}, also one that does not apply any more), their {@code discount} on the merchandise and
 * {@code total = subtotal - discount}. Shipping is not known before checkout, so it is in neither.
 *
 * @param id null for a guest without a cart yet
 */
public record CartResponse(UUID id, boolean guest, int lineCount, int itemCount, List<StoreGroup> stores,
                           List<Money> subtotals, boolean hasIssues, Instant updatedAt, List<Line> items,
                           Money subtotal, List<Discounts.AppliedCoupon> coupons, List<String> couponCodes,
                           Money discount, Money total) {

    /** The lines of one store (a future seller order). {@code storeId} is null for lines the catalog lost. */
    public record StoreGroup(String storeId, String sellerId, List<Line> lines, List<Money> subtotals) {
    }

    /**
     * One line. {@code unitPrice} and {@code lineTotal} are today's (null when the SKU is no longer sold);
     * {@code priceWhenAdded} is what the customer saw when adding it.
     */
    public record Line(UUID id, String productId, String sku, String name, int quantity, Money unitPrice,
                       Money priceWhenAdded, boolean priceChanged, Money lineTotal, int available,
                       List<LineFlag> flags, Instant addedAt) {
    }
}
