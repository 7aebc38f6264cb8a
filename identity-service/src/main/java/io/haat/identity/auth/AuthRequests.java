package io.haat.identity.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies of the login, refresh and logout calls. */
public final class AuthRequests {

    private AuthRequests() {
    }

    /** {@code POST /auth/login}. */
    public record Login(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 256) String password) {
    }

    /** {@code POST /auth/refresh} and {@code /auth/logout}. */
    public record Refresh(@NotBlank @Size(max = 8192) String refreshToken) {
    }
}
