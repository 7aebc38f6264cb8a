package io.haat.order.returns;

/** A store's policy on giving the (net) shipping back with a return, in proportion to the units returned. */
public enum ShippingRefund {
    /** Shipping is never refunded. */
    NEVER,
    /** Only when the reason is the store's fault (damaged, defective, wrong item, not as described). */
    SELLER_FAULT,
    /** With every return. */
    ALWAYS;

    public boolean appliesTo(ReturnReason reason) {
        return this == ALWAYS || this == SELLER_FAULT && reason.sellersFault();
    }
}
