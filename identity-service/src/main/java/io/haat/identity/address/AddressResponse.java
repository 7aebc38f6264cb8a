package io.haat.identity.address;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An address of the caller's address book. */
public record AddressResponse(UUID id, String recipient, String phone, String line1, String line2, String city,
                              String region, String postalCode, String country,
                              @JsonProperty("isDefault") boolean isDefault, Instant createdAt, Instant updatedAt) {

    public static AddressResponse from(Address address) {
        AddressDetails d = address.details();
        return new AddressResponse(address.id(), d.recipient(), d.phone(), d.line1(), d.line2(), d.city(), d.region(),
                d.postalCode(), d.country(), address.isDefault(), address.createdAt(), address.updatedAt());
    }
}
