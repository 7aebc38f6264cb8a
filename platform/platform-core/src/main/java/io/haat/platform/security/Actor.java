package io.haat.platform.security;

/** Who caused a change: a signed-in user with their role, or the service itself (events, schedules). */
public record Actor(String id, String role) {

    public static final String SYSTEM = "SYSTEM";

    /** The service itself, named by its application name (e.g. {@code seller-service}), in the role {@link #SYSTEM}. */
    public static Actor system(String serviceName) {
        return new Actor(serviceName, SYSTEM);
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
