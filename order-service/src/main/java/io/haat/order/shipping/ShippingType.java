package io.haat.order.shipping;

/** How a shipping method prices a parcel (see {@link ShippingRate}). */
public enum ShippingType {
    FLAT, BY_WEIGHT, FREE_OVER
}
