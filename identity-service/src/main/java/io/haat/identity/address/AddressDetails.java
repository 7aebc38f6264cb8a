package io.haat.identity.address;

/** What an address says (validated by {@link AddressRequest}); country is ISO 3166-1 alpha-2, upper case. */
public record AddressDetails(String recipient, String phone, String line1, String line2, String city, String region,
                             String postalCode, String country) {
}
