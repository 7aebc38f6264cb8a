package io.haat.order.shipping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A shipping method as its store shows it: amounts in minor units of {@code currency}, unused rates null. */
public record ShippingMethodResponse(UUID id, String storeId, String name, ShippingType type, String currency,
                                     Long flatRate, Long perKgRate, Long baseRate, Long freeOver, int minDays,
                                     int maxDays, boolean everywhere, List<Region> regions, boolean active,
                                     long version, Instant createdAt, Instant updatedAt) {

    public record Region(String country, List<String> provinces) {
    }

    public static ShippingMethodResponse from(ShippingMethod method) {
        ShippingTerms terms = method.terms();
        Long flatRate = null;
        Long perKgRate = null;
        Long baseRate = null;
        Long freeOver = null;
        switch (terms.rate()) {
            case ShippingRate.Flat flat -> flatRate = flat.fee().amountMinor();
            case ShippingRate.ByWeight byWeight -> {
                baseRate = byWeight.base().amountMinor();
                perKgRate = byWeight.perKg().amountMinor();
            }
            case ShippingRate.FreeOver freeOverRate -> {
                freeOver = freeOverRate.threshold().amountMinor();
                flatRate = freeOverRate.fee().amountMinor();
            }
        }
        return new ShippingMethodResponse(method.id(), method.storeId(), terms.name(), terms.rate().type(),
                terms.currency(), flatRate, perKgRate, baseRate, freeOver, terms.minDays(), terms.maxDays(),
                terms.area().everywhere(),
                terms.area().regions().stream().map(r -> new Region(r.country(), r.provinces())).toList(),
                terms.active(), method.version(), method.createdAt(), method.updatedAt());
    }
}
