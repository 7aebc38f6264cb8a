package io.haat.identity.profile;

/**
 * A full name as Keycloak's first and last name. Keycloak's user profile requires both (a missing last name would
 * block login with "account not fully set up"), so a one-word name gets "-" as last name.
 */
public record PersonName(String firstName, String lastName) {

    public static PersonName of(String fullName) {
        String name = fullName.strip().replaceAll("\\s+", " ");
        int space = name.lastIndexOf(' ');
        return space < 0 ? new PersonName(name, "-") : new PersonName(name.substring(0, space), name.substring(space + 1));
    }
}
