package io.haat.identity.address;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.haat.identity.support.Inputs;
import io.haat.identity.support.IsoCountry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A delivery address to add or replace. {@code isDefault: true} makes it the default address. */
public record AddressRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = Inputs.PERSON_NAME, message = Inputs.PERSON_NAME_MESSAGE)
        String recipient,
        @NotNull @Pattern(regexp = Inputs.PHONE, message = Inputs.PHONE_MESSAGE) String phone,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String region,
        @Pattern(regexp = "|[A-Za-z0-9][A-Za-z0-9 -]{1,18}[A-Za-z0-9]",
                message = "must be a postal code (letters, digits, spaces, dashes)")
        String postalCode,
        @NotNull @IsoCountry String country,
        @JsonProperty("isDefault") Boolean isDefault) {

    public AddressDetails details() {
        return new AddressDetails(recipient.strip(), phone, line1.strip(), Inputs.optional(line2), city.strip(),
                Inputs.optional(region), Inputs.optional(postalCode), country.strip().toUpperCase(Locale.ROOT));
    }

    public boolean makeDefault() {
        return Boolean.TRUE.equals(isDefault);
    }
}
