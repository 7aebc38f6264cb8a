package io.haat.seller.onboarding;

/** What a seller declares when applying: who they are, how to reach them, where payouts go. */
public record BusinessDetails(String businessName, String legalName, String taxId, String contactEmail,
                              String contactPhone, BusinessAddress address, String payoutReference) {
}
