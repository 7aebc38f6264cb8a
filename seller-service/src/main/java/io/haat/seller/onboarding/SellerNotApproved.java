package io.haat.seller.onboarding;

import io.haat.platform.web.ForbiddenException;

/** 403: only an approved (and not banned) seller may run stores. */
public class SellerNotApproved extends ForbiddenException {

    public SellerNotApproved(SellerStatus status) {
        super("seller-not-approved", "Seller not approved", status == null
                ? "You have not applied to sell yet. Apply with POST /sellers/apply and wait for approval."
                : switch (status) {
                    case PENDING -> "Your seller application is still pending review.";
                    case REJECTED -> "Your seller application was rejected. You may apply again.";
                    case BANNED -> "Your seller account is banned.";
                    case APPROVED -> "Your seller account is approved.";
                });
        with("sellerStatus", status == null ? "NONE" : status.name());
    }
}
