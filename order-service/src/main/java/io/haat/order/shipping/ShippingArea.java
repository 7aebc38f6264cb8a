package io.haat.order.shipping;

import io.haat.order.pricing.DeliveryAddress;
import java.util.List;

/** Where a method delivers: everywhere, or the listed regions (never both, never neither). */
public record ShippingArea(boolean everywhere, List<ShippingRegion> regions) {

    public ShippingArea {
        regions = regions == null ? List.of() : List.copyOf(regions);
        if (everywhere == !regions.isEmpty()) {
            throw new IllegalArgumentException("an area is everywhere or a list of regions");
        }
    }

    public static ShippingArea anywhere() {
        return new ShippingArea(true, List.of());
    }

    public static ShippingArea of(List<ShippingRegion> regions) {
        return new ShippingArea(false, regions);
    }

    public boolean serves(DeliveryAddress address) {
        return everywhere || regions.stream().anyMatch(region -> region.contains(address));
    }
}
