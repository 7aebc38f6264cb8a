package io.haat.events.payment;

import io.haat.events.Money;

/** The part of a refund taken from one seller order (its seller's share and the commission reverse by it). */
public record SellerOrderRefund(String sellerOrderId, String storeId, String sellerId, Money amount) {

    public SellerOrderRefund {
        Checks.requireText(sellerOrderId, "sellerOrderId");
        Checks.requireText(storeId, "storeId");
        Checks.requireText(sellerId, "sellerId");
        Checks.requirePositive(amount, "amount");
    }
}
