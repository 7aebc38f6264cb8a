package io.haat.order.order;

import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One store's part of an order: its lines, shipping, discount shares (who funds them) and totals. Its status is
 * changed only by {@link Order}.
 *
 * @param shippingDiscount the part of the discounts that went to shipping (free-shipping coupons); included in
 *                         {@code sellerDiscount + platformDiscount}
 * @param confirmedAt        when the whole order was confirmed (the store sees its part from then on)
 * @param shipment           how and when it was shipped (null before)
 * @param deliveredAt        when it was handed to the customer (null before)
 * @param returnWindowEndsAt until when the customer may ask for a return: fixed at delivery from the store's window
 *                           ({@link AfterSales#returnWindow}); once passed, the part completes unless a return or
 *                           dispute holds it
 */
public record SellerOrder(UUID id, String storeId, String sellerId, SellerOrderState status, List<OrderItem> items,
                          Money shipping, Money shippingDiscount, Money sellerDiscount, Money platformDiscount,
                          ShippingChoice shippingMethod, Instant confirmedAt, Shipment shipment, Instant deliveredAt,
                          Instant returnWindowEndsAt) {

    /** The shipping method chosen at checkout and the delivery estimate it gave. */
    public record ShippingChoice(String methodId, String name, LocalDate estimatedFrom, LocalDate estimatedTo) {

        /**
         * The estimate refined at shipment: the method's range of days (as checkout counted it from the day the order
         * was placed) counted again from the day the parcel left the store (UTC days).
         */
        public Estimate countedFrom(Instant placedAt, Instant shippedAt) {
            LocalDate placedOn = LocalDate.ofInstant(placedAt, ZoneOffset.UTC);
            LocalDate shippedOn = LocalDate.ofInstant(shippedAt, ZoneOffset.UTC);
            long minDays = Math.max(0, ChronoUnit.DAYS.between(placedOn, estimatedFrom));
            long maxDays = Math.max(minDays, ChronoUnit.DAYS.between(placedOn, estimatedTo));
            return new Estimate(shippedOn.plusDays(minDays), shippedOn.plusDays(maxDays));
        }
    }

    /** When a parcel is expected, both days included (UTC). */
    public record Estimate(LocalDate from, LocalDate to) {

        /** Expected on the day of {@code at}. */
        public static Estimate on(Instant at) {
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            return new Estimate(day, day);
        }

        @Override
        public String toString() {
            return from.equals(to) ? from.toString() : from + " – " + to;
        }
    }

    /**
     * The parcel left the store: with the store's own carrier ({@code carrier} named, tracking optional) or, when no
     * carrier is named, handed to the marketplace's delivery agents.
     */
    public record Shipment(String carrier, String trackingNumber, String trackingUrl, Instant shippedAt) {

        /** Whether the store ships with a carrier of its own (no delivery agent needed). */
        public boolean ownCarrier() {
            return carrier != null && !carrier.isBlank();
        }
    }

    public SellerOrder {
        items = List.copyOf(items);
    }

    /** A part as checkout makes it: nothing shipped or delivered yet. */
    public SellerOrder(UUID id, String storeId, String sellerId, SellerOrderState status, List<OrderItem> items,
                       Money shipping, Money shippingDiscount, Money sellerDiscount, Money platformDiscount,
                       ShippingChoice shippingMethod, Instant confirmedAt) {
        this(id, storeId, sellerId, status, items, shipping, shippingDiscount, sellerDiscount, platformDiscount,
                shippingMethod, confirmedAt, null, null, null);
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
                platformDiscount, shippingMethod, confirmed, shipment, deliveredAt, returnWindowEndsAt);
    }

    SellerOrder shipped(Shipment how) {
        return new SellerOrder(id, storeId, sellerId, SellerOrderState.SHIPPED, items, shipping, shippingDiscount,
                sellerDiscount, platformDiscount, shippingMethod, confirmedAt, how, deliveredAt, returnWindowEndsAt);
    }

    SellerOrder delivered(Instant at, Instant windowEndsAt) {
        return new SellerOrder(id, storeId, sellerId, SellerOrderState.DELIVERED, items, shipping, shippingDiscount,
                sellerDiscount, platformDiscount, shippingMethod, confirmedAt, shipment, at, windowEndsAt);
    }
}
