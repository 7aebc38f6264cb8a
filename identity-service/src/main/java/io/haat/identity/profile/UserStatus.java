package io.haat.identity.profile;

/** Whether a user may use the marketplace. */
public enum UserStatus {
    ACTIVE, BANNED
}
