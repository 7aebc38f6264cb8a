package io.haat.identity.support;

import java.util.Locale;

/** Shapes of user input shared by requests (regular expressions for {@code @Pattern}) and their normalisation. */
public final class Inputs {

    /** A phone number in E.164 form: {@code +9779812345678}. */
    public static final String PHONE = "\\+[1-9][0-9]{6,14}";
    public static final String PHONE_MESSAGE = "must be an international number in E.164 form, e.g. +9779812345678";
    /** A person's name: no markup or shell characters (Keycloak refuses them too). */
    public static final String PERSON_NAME = "(?=.*\\S)[^<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]+";
    public static final String PERSON_NAME_MESSAGE =
            "must not be blank or contain < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( )";
    /** A BCP 47 language tag such as {@code en} or {@code ne-NP}. */
    public static final String LOCALE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}";
    public static final String HTTP_URL = "https?://[^\\s]{1,2040}";

    private Inputs() {
    }

    /** Emails compare case-insensitively; Keycloak stores them lower-case. */
    public static String email(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Trimmed text, or null for null or blank (optional fields: an empty string clears them). */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
