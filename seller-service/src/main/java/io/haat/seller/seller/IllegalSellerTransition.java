package io.haat.seller.seller;

import io.haat.platform.web.ConflictException;

/** 409: the seller is not in a status from which the requested decision can be taken. */
public class IllegalSellerTransition extends ConflictException {

    public IllegalSellerTransition(SellerStatus from, String action) {
        super("illegal-seller-transition", "Illegal seller transition",
                "A seller that is " + from + " cannot be " + action + ".");
        with("status", from.name());
    }
}
