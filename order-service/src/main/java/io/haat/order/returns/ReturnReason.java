package io.haat.order.returns;

/** Why a customer sends units back; the first four are the store's fault (see {@link ShippingRefund#SELLER_FAULT}). */
public enum ReturnReason {
    DAMAGED, DEFECTIVE, WRONG_ITEM, NOT_AS_DESCRIBED, NO_LONGER_NEEDED, CHANGED_MIND, OTHER;

    public boolean sellersFault() {
        return this == DAMAGED || this == DEFECTIVE || this == WRONG_ITEM || this == NOT_AS_DESCRIBED;
    }
}
