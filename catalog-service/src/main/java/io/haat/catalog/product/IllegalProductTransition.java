package io.haat.catalog.product;

import io.haat.platform.web.ConflictException;

/** 409: the product's status does not allow this action (e.g. approving a draft, editing a banned product). */
public class IllegalProductTransition extends ConflictException {

    public IllegalProductTransition(ProductStatus status, String action) {
        super("illegal-product-transition", "Action not allowed in this status",
                "A product that is " + status + " cannot be " + action + ".");
        with("status", status.name());
    }
}
