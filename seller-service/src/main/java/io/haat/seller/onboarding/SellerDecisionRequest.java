package io.haat.seller.onboarding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An admin's reason for rejecting or banning a seller (shown to the seller), or for suspending a store. */
public record SellerDecisionRequest(@NotBlank @Size(max = 500) String reason) {
}
