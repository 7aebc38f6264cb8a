package io.haat.seller.onboarding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** A seller's registered business address; {@code country} is an ISO 3166-1 alpha-2 code. */
public record BusinessAddress(
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String region,
        @Size(max = 20) String postalCode,
        @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter ISO country code") String country) {

    public BusinessAddress {
        country = country == null ? null : country.toUpperCase(Locale.ROOT);
    }
}
