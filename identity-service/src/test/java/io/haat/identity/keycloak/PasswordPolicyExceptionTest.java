package io.haat.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keycloak's password-policy errors become a problem naming the rule. */
class PasswordPolicyExceptionTest {

    @Test
    void namesTheRuleAndKeepsKeycloaksExplanation() {
        PasswordPolicyException problem = new PasswordPolicyException("invalidPasswordMinLengthMessage",
                "Invalid password: minimum length 8.");

        assertThat(problem.properties()).containsEntry("rule", "minLength");
        assertThat(problem.detail()).isEqualTo("The password does not meet the password policy: minimum length 8.");
        assertThat(PasswordPolicyException.rule("invalidPasswordNotEmailMessage")).isEqualTo("notEmail");
        assertThat(PasswordPolicyException.rule("invalidPasswordMessage")).isEqualTo("policy");
    }
}
