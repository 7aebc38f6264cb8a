package io.haat.identity.profile;

import io.haat.identity.support.Inputs;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /me}: only the fields present change; an empty string clears phone, avatar URL or locale.
 * A new phone number is unverified.
 */
public record UpdateProfileRequest(
        @Size(max = 100) @Pattern(regexp = Inputs.PERSON_NAME, message = Inputs.PERSON_NAME_MESSAGE) String fullName,
        @Pattern(regexp = "|" + Inputs.PHONE, message = Inputs.PHONE_MESSAGE) String phone,
        @Size(max = 2048) @Pattern(regexp = "|" + Inputs.HTTP_URL, message = "must be an http(s) URL") String avatarUrl,
        @Size(max = 35) @Pattern(regexp = "|" + Inputs.LOCALE, message = "must be a language tag such as en or ne-NP")
        String locale) {
}
