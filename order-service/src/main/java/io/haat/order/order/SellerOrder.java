package io.haat.order.order;

import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One store's part of an order: its lines, shipping, discount shares (who funds them) and totals. Its status is
 * changed only by {@link Order}.
 *
 * @param shippingDiscount the part of the discounts that went to shipping (free-shipping coupons); included in
 *                         {@code sellerDiscount + platformDiscount}
 * @param confirmedAt      when the whole order was confirmed (the store sees its part from then on)
 */
public record SellerOrder(UUID id, String storeId, String sellerId, SellerOrderState status, List<OrderItem> items,
                          Money shipping, Money shippingDiscount, Money sellerDiscount, Money platformDiscount,
                          ShippingChoice shippingMethod, Instant confirmedAt) {

    /** The shipping method chosen at checkout and the delivery estimate it gave. */
    public record ShippingChoice(String methodId, String name, LocalDate estimatedFrom, LocalDate estimatedTo) {
    }

    public SellerOrder {
        items = List.copyOf(items);
    }

    public Money merchandise() {
        return items.stream().map(OrderItem::merchandise).reduce(Money::plus).orElseThrow();
    }

    public Money discount() {
        return sellerDiscount.plus(platformDiscount);
    }

    public Money total() {
        return merchandise().plus(shipping).minus(discount());
    }

    public int units() {
        return items.stream().mapToInt(OrderItem::quantity).sum();
    }

    public SellerOrderTotals totals() {
        return new SellerOrderTotals(id.toString(), storeId, sellerId, merchandise(), sellerDiscount,
                platformDiscount, shipping, total());
    }

    SellerOrder with(SellerOrderState next, Instant confirmed) {
        return new SellerOrder(id, storeId, sellerId, next, items, shipping, shippingDiscount, sellerDiscount,
                platformDiscount, shippingMethod, confirmed);
    }
}
