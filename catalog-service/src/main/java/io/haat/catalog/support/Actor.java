package io.haat.catalog.support;

import io.haat.platform.security.CurrentUser;

/** Who caused a change: a signed-in user with their role, or the service itself (events, schedules). */
public record Actor(String id, String role) {

    public static final String SYSTEM = "SYSTEM";

    public static Actor system() {
        return new Actor("catalog-service", SYSTEM);
    }

    /** The caller of the current request; their most powerful role names them in the audit trail. */
    public static Actor current(CurrentUser user) {
        String role = user.hasRole("ADMIN") ? "ADMIN" : user.hasRole("SELLER") ? "SELLER"
                : user.roles().stream().sorted().findFirst().orElse("USER");
        return new Actor(user.subject(), role);
    }

    public boolean isAdmin() {
        return "ADMIN".equals(role);
    }
}
