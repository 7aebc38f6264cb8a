package io.haat.order.shipping;

import io.haat.order.pricing.DeliveryAddress;
import java.util.List;
import java.util.Locale;

/** A country a method delivers to, and optionally only some of its provinces (empty: the whole country). */
public record ShippingRegion(String country, List<String> provinces) {

    public ShippingRegion {
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
    }

    /** Whether an address lies in this region: same country, and in one of the provinces if some are listed. */
    public boolean contains(DeliveryAddress address) {
        if (address.country() == null || !country.equalsIgnoreCase(address.country().strip())) {
            return false;
        }
        if (provinces.isEmpty()) {
            return true;
        }
        if (address.province() == null) {
            return false;
        }
        String province = address.province().strip().toLowerCase(Locale.ROOT);
        return provinces.stream().anyMatch(listed -> listed.toLowerCase(Locale.ROOT).equals(province));
    }
}
