package io.haat.identity.keycloak;

/** What Keycloak answered to an email + password login. */
public sealed interface PasswordGrant {

    /** Right credentials: the tokens. */
    record Issued(TokenSet tokens) implements PasswordGrant {
    }

    /** Unknown user, wrong password, or (Keycloak does not say which) a brute-force lockout. */
    record InvalidCredentials() implements PasswordGrant {
    }

    /** The account is disabled (banned). */
    record Disabled() implements PasswordGrant {
    }

    /** Right credentials, but a required action is pending (an unverified email, usually). */
    record NotReady() implements PasswordGrant {
    }
}
