package io.haat.identity.profile;

import java.util.Arrays;
import java.util.Optional;

/** The marketplace's realm roles. Only {@link #CUSTOMER} and {@link #SELLER} can be chosen at sign-up. */
public enum Role {
    CUSTOMER, SELLER, ADMIN, DELIVERY_AGENT, SUPPORT;

    public boolean selfAssignable() {
        return this == CUSTOMER || this == SELLER;
    }

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }
}
