package io.haat.notification.directory;

/** Where a user's mail goes. */
public record Contact(String userId, String email, String fullName) {

    /** The name to greet with: the first word of the full name, else empty. */
    public String firstName() {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        return fullName.strip().split("\\s+")[0];
    }
}
