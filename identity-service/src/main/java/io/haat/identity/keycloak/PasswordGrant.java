package io.haat.identity.keycloak;

/** What Keycloak answered to an email + password login. */
public sealed interface PasswordGrant {

    /** Right credentials: the tokens. */
    record Issued(TokenSet tokens) implements PasswordGrant {
    }

    /** Unknown user, wrong password, or (Keycloak does not say which) a brute-force lockout. */
    record InvalidCredentials() implements PasswordGrant {
    }

    /**
     * The account is disabled (banned). Keycloak checks this BEFORE the password, so it says nothing about whether the
     * password was right: never tell it to the caller.
     */
    record Disabled() implements PasswordGrant {
    }

    /**
     * Right credentials, but a required action is pending (an unverified email, usually). Keycloak checks required
     * actions only after the password was right; with a wrong one the answer is {@link InvalidCredentials}.
     */
    record NotReady() implements PasswordGrant {
    }
}
