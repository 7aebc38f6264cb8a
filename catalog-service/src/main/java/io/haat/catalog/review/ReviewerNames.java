package io.haat.catalog.review;

import java.util.Locale;

/**
 * The default review name: the first name and the initial of the last name ("Sita Devi Karki" → "Sita K."), so a
 * review never publishes a customer's full name. A one-word name stays as it is; nothing usable (no name, or only
 * an e-mail address) gives {@link #ANONYMOUS}. Applying it to its own output changes nothing ("Sita K." → "Sita K.").
 */
public final class ReviewerNames {

    /** Shown when the customer's name is unknown. */
    public static final String ANONYMOUS = "Customer";

    private ReviewerNames() {
    }

    /** From the token's {@code given_name} and {@code family_name} (Keycloak writes "-" for a missing last name). */
    public static String fromParts(String givenName, String familyName) {
        String given = givenName == null ? "" : givenName.strip();
        String family = familyName == null || familyName.strip().equals("-") ? "" : familyName.strip();
        return fromFullName((given + " " + family).strip());
    }

    /** From a full name as one string (e.g. the token's {@code name} claim, or a review written before review names). */
    public static String fromFullName(String fullName) {
        if (fullName == null || fullName.isBlank() || fullName.contains("@")) {
            return ANONYMOUS;
        }
        String[] words = fullName.strip().split("\\s+");
        String first = words[0];
        String last = words.length > 1 ? words[words.length - 1] : "";
        if (last.isEmpty() || last.equals("-")) {
            return first;
        }
        String initial = new String(Character.toChars(last.codePointAt(0))).toUpperCase(Locale.ROOT);
        return first + " " + initial + ".";
    }

    /** A chosen name as stored: trimmed, inner whitespace collapsed. */
    public static String normalized(String chosen) {
        return chosen.strip().replaceAll("\\s+", " ");
    }
}
