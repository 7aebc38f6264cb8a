package io.haat.payment.report;

import io.haat.events.Money;

/**
 * One line of the revenue report, in one currency: customer money captured for seller orders (gross merchandise
 * value as paid), refunded, the commission earned net of reversals, the platform-funded discounts net of
 * reversals, and the platform's net revenue (commission − platform discounts).
 */
public record RevenueFigures(Money grossMerchandiseValue, Money refunds, Money commission, Money platformDiscounts,
                             Money netRevenue) {

    static RevenueFigures of(String currency, long gmv, long refunds, long commission, long discounts) {
        return new RevenueFigures(new Money(gmv, currency), new Money(refunds, currency), new Money(commission, currency),
                new Money(discounts, currency), new Money(commission - discounts, currency));
    }

    RevenueFigures plus(RevenueFigures other) {
        return new RevenueFigures(grossMerchandiseValue.plus(other.grossMerchandiseValue), refunds.plus(other.refunds),
                commission.plus(other.commission), platformDiscounts.plus(other.platformDiscounts),
                netRevenue.plus(other.netRevenue));
    }
}
