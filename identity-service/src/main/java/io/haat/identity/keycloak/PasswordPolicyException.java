package io.haat.identity.keycloak;

import java.util.List;
import java.util.Locale;

import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.ProblemTypes;

/**
 * 400 {@code password-policy}: the password breaks a rule of the realm's password policy; {@code rule} names it
 * (e.g. {@code minLength}, {@code notUsername}, {@code notEmail}); {@code errors} names the field, as for any
 * validation problem.
 */
public class PasswordPolicyException extends InvalidRequestException {

    public PasswordPolicyException(String keycloakError, String keycloakDescription) {
        super(ProblemTypes.of("password-policy"), "Password too weak", describe(keycloakDescription),
                List.of(new FieldProblem("password", describe(keycloakDescription))));
        with("rule", rule(keycloakError));
    }

    /** {@code invalidPasswordMinLengthMessage} → {@code minLength}. */
    static String rule(String keycloakError) {
        String core = keycloakError.replaceFirst("^invalidPassword", "").replaceFirst("Message$", "");
        return core.isEmpty() ? "policy" : core.substring(0, 1).toLowerCase(Locale.ROOT) + core.substring(1);
    }

    private static String describe(String description) {
        if (description == null || description.isBlank()) {
            return "The password does not meet the password policy.";
        }
        return "The password does not meet the password policy: " + description.replaceFirst("^Invalid password: ", "");
    }
}
