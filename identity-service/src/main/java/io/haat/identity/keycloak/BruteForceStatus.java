package io.haat.identity.keycloak;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Keycloak's brute-force record of one user: locked ({@code disabled}) until {@code failedLoginNotBefore}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BruteForceStatus(boolean disabled, int numFailures, long failedLoginNotBefore, String lastIPFailure) {

    /** How long the temporary lockout still lasts at {@code now} (zero when not locked). */
    public Duration remaining(Instant now) {
        if (!disabled) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, Instant.ofEpochSecond(failedLoginNotBefore));
        return left.isNegative() ? Duration.ofSeconds(1) : left;
    }
}
