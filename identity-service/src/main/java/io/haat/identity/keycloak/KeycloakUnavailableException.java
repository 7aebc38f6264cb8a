package io.haat.identity.keycloak;

import io.haat.platform.web.ServiceUnavailableException;

/** Keycloak did not answer, or answered in a way this service cannot act on: 503, details only in the log. */
public class KeycloakUnavailableException extends ServiceUnavailableException {

    public KeycloakUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }

    public KeycloakUnavailableException(String detail) {
        super(detail);
    }
}
