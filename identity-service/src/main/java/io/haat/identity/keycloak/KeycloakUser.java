package io.haat.identity.keycloak;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The parts of a Keycloak user representation this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeycloakUser(String id, String username, String email, String firstName, String lastName,
                           boolean enabled, boolean emailVerified, List<String> requiredActions,
                           Long createdTimestamp) {

    public KeycloakUser {
        requiredActions = requiredActions == null ? List.of() : List.copyOf(requiredActions);
    }

    public String fullName() {
        String first = firstName == null ? "" : firstName.strip();
        String last = lastName == null || "-".equals(lastName.strip()) ? "" : lastName.strip();
        return (first + " " + last).strip();
    }
}
