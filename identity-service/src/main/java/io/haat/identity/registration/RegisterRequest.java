package io.haat.identity.registration;

import io.haat.identity.support.Inputs;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/register}: sign-up as a customer or a seller. The password rules are the realm's. */
public record RegisterRequest(
        @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
        String email,
        @NotNull @Size(min = 1, max = 256) String password,
        @NotBlank @Size(max = 100) @Pattern(regexp = Inputs.PERSON_NAME, message = Inputs.PERSON_NAME_MESSAGE)
        String fullName,
        @Pattern(regexp = "|" + Inputs.PHONE, message = Inputs.PHONE_MESSAGE) String phone,
        @NotNull @Pattern(regexp = "CUSTOMER|SELLER", message = "must be CUSTOMER or SELLER") String role) {
}
