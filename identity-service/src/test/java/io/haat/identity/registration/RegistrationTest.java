package io.haat.identity.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.haat.identity.keycloak.KeycloakAdmin;
import io.haat.identity.keycloak.PasswordPolicyException;
import io.haat.identity.testing.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sign-up rules: who may sign up as what, with which inputs, and never half-registered. */
class RegistrationTest extends IntegrationTestBase {

    @Autowired
    KeycloakAdmin keycloak;

    @Test
    void aTakenEmailIsAConflictWhateverItsCase() {
        String email = uniqueEmail("taken");
        assertThat(register(email, "first-password", "First Owner", "CUSTOMER").status()).isEqualTo(201);

        Response again = register(email.toUpperCase(), "second-password", "Second Owner", "SELLER");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).endsWith("/email-already-registered");
        assertThat(jdbc.sql("SELECT count(*) FROM user_profile WHERE lower(email) = :email").param("email", email)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPasswordThatBreaksTheRealmPolicyIsRefusedNamingTheRule() {
        String email = uniqueEmail("weak");

        Response tooShort = register(email, "short", "Weak Password", "CUSTOMER");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.problemType()).endsWith("/password-policy");
        assertThat(tooShort.body().path("rule").asString()).isEqualTo("minLength");
        assertThat(tooShort.body().path("detail").asString()).contains("minimum length 10");
        Response nineCharacters = register(email, "nine-char", "Weak Password", "CUSTOMER");
        assertThat(nineCharacters.status()).isEqualTo(400);
        assertThat(nineCharacters.body().path("rule").asString()).isEqualTo("minLength");

        Response sameAsEmail = register(email, email, "Weak Password", "CUSTOMER");
        assertThat(sameAsEmail.status()).isEqualTo(400);
        assertThat(sameAsEmail.body().path("rule").asString()).isIn("notUsername", "notEmail");

        // nothing was left behind: the same email signs up fine afterwards
        assertThat(register(email, "long-enough-now", "Weak Password", "CUSTOMER").status()).isEqualTo(201);
    }

    @Test
    void aCommonBreachedPasswordIsRefusedHereAndByKeycloakItself() {
        String email = uniqueEmail("common");

        for (String common : List.of("iloveyou2024", "Qwertyuiop", "password123456")) {
            Response refused = register(email, common, "Common Password", "CUSTOMER");
            assertThat(refused.status()).as(common).isEqualTo(400);
            assertThat(refused.problemType()).endsWith("/password-policy");
            assertThat(refused.body().path("rule").asString()).isEqualTo("blacklisted");
            assertThat(refused.body().path("detail").asString()).contains("most common");
        }
        assertThat(register(email, "tea-garden-in-ilam", "Common Password", "CUSTOMER").status()).isEqualTo(201);

        // the realm's passwordBlacklist policy found the shipped list: Keycloak refuses it on its own too
        String id = keycloakAdmin.findByEmail(email).getFirst().path("id").asString();
        assertThatThrownBy(() -> keycloak.resetPassword(id, "sunshine2024"))
                .isInstanceOfSatisfying(PasswordPolicyException.class,
                        refused -> assertThat(refused.properties()).containsEntry("rule", "blacklisted"));
    }

    @Test
    void badEmailPhoneNameOrRoleAreValidationProblems() {
        assertInvalid(request("not-an-email", "+9779812345678", "Ann Lee", "CUSTOMER"), "email");
        assertInvalid(request(uniqueEmail("phone"), "98123", "Ann Lee", "CUSTOMER"), "phone");
        assertInvalid(request(uniqueEmail("name"), null, "<script>", "CUSTOMER"), "fullName");
        assertInvalid(request(uniqueEmail("name"), null, "   ", "CUSTOMER"), "fullName");
        assertInvalid(request(uniqueEmail("admin"), null, "Would Be Admin", "ADMIN"), "role");
        assertInvalid(request(uniqueEmail("courier"), null, "Would Be Courier", "DELIVERY_AGENT"), "role");

        Response malformed = post("/auth/register", null, "{\"email\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemType()).endsWith("/malformed-request");
    }

    @Test
    void whenTheLocalHalfFailsTheKeycloakUserIsRemovedAgain() {
        String email = uniqueEmail("half");
        // make the profile insert fail after Keycloak created the user
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION refuse_half_registered() RETURNS trigger AS $$
                BEGIN
                    IF NEW.email LIKE 'half-%' THEN RAISE EXCEPTION 'injected failure'; END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""").update();
        jdbc.sql("CREATE TRIGGER refuse_half_registered BEFORE INSERT ON user_profile FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_half_registered()").update();
        try {
            Response failed = register(email, "good-password", "Half Registered", "CUSTOMER");

            assertThat(failed.status()).isGreaterThanOrEqualTo(500);
            assertThat(failed.body().toString()).doesNotContain("injected").doesNotContain("Exception");
            assertThat(keycloakAdmin.findByEmail(email)).isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM user_profile WHERE email = :email").param("email", email)
                    .query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("DROP TRIGGER refuse_half_registered ON user_profile").update();
        }
        // and the address is free again
        assertThat(register(email, "good-password", "Half Registered", "CUSTOMER").status()).isEqualTo(201);
    }

    private void assertInvalid(Map<String, Object> request, String field) {
        Response response = post("/auth/register", null, request);
        assertThat(response.status()).as(field).isEqualTo(400);
        assertThat(response.problemType()).endsWith("/validation");
        assertThat(response.body().path("errors").toString()).as(field).contains("\"field\":\"" + field + "\"");
    }

    private static Map<String, Object> request(String email, String phone, String fullName, String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("password", "valid-password");
        body.put("fullName", fullName);
        body.put("role", role);
        if (phone != null) {
            body.put("phone", phone);
        }
        return body;
    }
}
