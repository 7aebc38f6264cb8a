package io.haat.identity.registration;

import java.util.UUID;

/** The new account; {@code emailVerificationSent} says whether the verification mail went out (else: resend). */
public record RegistrationResponse(UUID userId, String email, String role, boolean emailVerificationSent) {
}
