package io.haat.identity.profile;

/** How the account came to be: signed up with a password, through a social login, or seeded for local use. */
public enum Origin {
    PASSWORD, SOCIAL, SEEDED
}
