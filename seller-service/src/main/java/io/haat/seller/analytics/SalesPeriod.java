package io.haat.seller.analytics;

import io.haat.events.Money;
import java.time.LocalDate;

/**
 * Sales of a period (or of the whole range, for totals): confirmed orders, units and revenue; the
 * average order value; confirmed sales later cancelled, deliveries, returns; revenue net of
 * cancellations and returns.
 */
public record SalesPeriod(LocalDate periodStart, LocalDate periodEnd, int orders, int units, Money revenue,
                          Money averageOrderValue, int cancellations, Money cancelledAmount, int deliveries,
                          int returns, Money returnedAmount, Money netRevenue) {

    static SalesPeriod of(LocalDate start, LocalDate end, String currency, long[] f) {
        int orders = (int) f[0];
        long revenue = f[2];
        long aov = orders == 0 ? 0 : Math.floorDiv(revenue + orders / 2, orders);
        return new SalesPeriod(start, end, orders, (int) f[1], new Money(revenue, currency), new Money(aov, currency),
                (int) f[3], new Money(f[4], currency), (int) f[5], (int) f[6], new Money(f[7], currency),
                new Money(revenue - f[4] - f[7], currency));
    }
}
