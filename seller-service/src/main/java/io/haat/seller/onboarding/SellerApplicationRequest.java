package io.haat.seller.onboarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /sellers/apply}: the business behind a seller. {@code legalName} defaults to the business
 * name and {@code contactEmail} to the caller's verified email.
 */
public record SellerApplicationRequest(
        @NotBlank @Size(max = 120) String businessName,
        @Size(max = 200) String legalName,
        @NotBlank @Size(max = 50) String taxId,
        @Email @Size(max = 254) String contactEmail,
        @Pattern(regexp = "\\+?[0-9][0-9 ()-]{4,29}", message = "must be a phone number") String contactPhone,
        @NotNull @Valid BusinessAddress businessAddress,
        @Size(max = 200) String payoutReference) {

    BusinessDetails toDetails(String fallbackEmail) {
        return new BusinessDetails(businessName.strip(), legalName == null || legalName.isBlank()
                ? businessName.strip() : legalName.strip(), taxId.strip(),
                contactEmail == null || contactEmail.isBlank() ? fallbackEmail : contactEmail.strip(),
                contactPhone, businessAddress, payoutReference);
    }
}
