package io.haat.order.report;

import io.haat.events.Money;

/**
 * Sales of one currency in a period (or the whole range): confirmed orders that are not cancelled, counted at their
 * confirmation. {@code merchandise} is list price × quantity, {@code discounts} every coupon's share (seller- and
 * platform-funded), {@code grossMerchandiseValue} what the customers were charged (merchandise + shipping −
 * discounts; payment-service's revenue report names the same amount so), {@code refunds} what was given back on
 * these orders so far (whatever the reason, also a store's part cancelled after confirmation),
 * {@code netSales} = GMV − refunds, {@code averageOrderValue} = GMV / orders (rounded half up).
 */
public record SalesFigures(String currency, long orders, long units, Money merchandise, Money shipping,
                           Money discounts, Money grossMerchandiseValue, Money refunds, Money netSales,
                           Money averageOrderValue) {

    static SalesFigures of(String currency, long orders, long units, long merchandise, long shipping, long discounts,
                           long gmv, long refunds) {
        long average = orders == 0 ? 0 : Math.floorDiv(gmv + orders / 2, orders);
        return new SalesFigures(currency, orders, units, new Money(merchandise, currency), new Money(shipping, currency),
                new Money(discounts, currency), new Money(gmv, currency), new Money(refunds, currency),
                new Money(gmv - refunds, currency), new Money(average, currency));
    }

    SalesFigures plus(SalesFigures other) {
        return of(currency, orders + other.orders, units + other.units,
                merchandise.amountMinor() + other.merchandise.amountMinor(),
                shipping.amountMinor() + other.shipping.amountMinor(),
                discounts.amountMinor() + other.discounts.amountMinor(),
                grossMerchandiseValue.amountMinor() + other.grossMerchandiseValue.amountMinor(),
                refunds.amountMinor() + other.refunds.amountMinor());
    }
}
