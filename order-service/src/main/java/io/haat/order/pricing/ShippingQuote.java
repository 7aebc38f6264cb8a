package io.haat.order.pricing;

import io.haat.events.Money;

/** What one of a store's shipping methods costs for a parcel to an address, and how long it takes (days). */
public record ShippingQuote(String methodId, String name, Money cost, int minDays, int maxDays) {
}
