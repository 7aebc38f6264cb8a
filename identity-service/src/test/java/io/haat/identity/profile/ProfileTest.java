package io.haat.identity.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.haat.events.Topics;
import io.haat.identity.testing.EventLog;
import io.haat.identity.testing.IntegrationTestBase;
import io.haat.identity.testing.TestKeycloak;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET/PATCH /me}. */
class ProfileTest extends IntegrationTestBase {

    @Test
    void theFirstCallOfAUserMadeInKeycloakCreatesTheProfileAsACustomer() throws Exception {
        // what a social login's first broker login leaves: a Keycloak user without marketplace role or profile
        String email = uniqueEmail("brokered");
        String id = keycloakAdmin.createUser(email, "social-password", "Maya", "Gurung");
        String token = keycloakToken(email, "social-password");

        Response me = get("/me", token);

        assertThat(me.status()).as(me.body().toString()).isEqualTo(200);
        assertThat(me.body().path("id").asString()).isEqualTo(id);
        assertThat(me.body().path("email").asString()).isEqualTo(email);
        assertThat(me.body().path("fullName").asString()).isEqualTo("Maya Gurung");
        assertThat(me.body().path("emailVerified").asBoolean()).isTrue();
        assertThat(me.body().path("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
        assertThat(keycloakAdmin.realmRoles(id)).contains("CUSTOMER");
        assertThat(jdbc.sql("SELECT origin FROM user_profile WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("SOCIAL");
        events.await(Topics.IDENTITY_USER, EventLog.ofType("UserRegistered", id));
        assertThat(get("/me", token).body().path("id").asString()).isEqualTo(id); // once only
    }

    @Test
    void patchChangesOnlyWhatIsSentAndANewPhoneIsUnverified() {
        Account account = verifiedAccount("CUSTOMER");

        Response updated = call("PATCH", "/me", account.accessToken(), Map.of("fullName", "Sita Kumari Rai",
                "phone", "+9779812345678", "locale", "ne-NP", "avatarUrl", "https://cdn.haat.test/a.png"));

        assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
        assertThat(updated.body().path("fullName").asString()).isEqualTo("Sita Kumari Rai");
        assertThat(updated.body().path("phone").asString()).isEqualTo("+9779812345678");
        assertThat(updated.body().path("phoneVerified").asBoolean()).isFalse();
        assertThat(updated.body().path("locale").asString()).isEqualTo("ne-NP");
        JsonNode keycloakUser = keycloakAdmin.user(account.id().toString());
        assertThat(keycloakUser.path("firstName").asString()).isEqualTo("Sita Kumari");
        assertThat(keycloakUser.path("lastName").asString()).isEqualTo("Rai");
        events.await(Topics.IDENTITY_USER, envelope -> EventLog.ofType("UserProfileChanged", account.id().toString())
                .test(envelope) && "+9779812345678".equals(envelope.path("payload").path("phone").asString()));

        Response partial = call("PATCH", "/me", account.accessToken(), Map.of("locale", ""));
        assertThat(partial.body().path("fullName").asString()).isEqualTo("Sita Kumari Rai");
        assertThat(partial.body().path("phone").asString()).isEqualTo("+9779812345678");
        assertThat(partial.body().path("locale").isNull() || partial.body().path("locale").isMissingNode()).isTrue();
    }

    @Test
    void badValuesAreValidationProblems() {
        String token = testToken(UUID.randomUUID(), "CUSTOMER");
        for (Map.Entry<String, String> bad : Map.of("phone", "12345", "locale", "not a locale", "avatarUrl",
                "javascript:alert(1)", "fullName", "{evil}").entrySet()) {
            Map<String, Object> body = new HashMap<>();
            body.put(bad.getKey(), bad.getValue());
            Response refused = call("PATCH", "/me", token, body);
            assertThat(refused.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(refused.body().path("errors").toString()).contains(bad.getKey());
        }
        assertThat(call("PATCH", "/me", token, "[1,2]").status()).isEqualTo(400);
    }

    @Test
    void withoutATokenThereIsNoProfile() {
        assertThat(get("/me", null).status()).isEqualTo(401);
        assertThat(call("PATCH", "/me", null, Map.of("locale", "en")).status()).isEqualTo(401);
        assertThat(get("/me", "not-a-jwt").status()).isEqualTo(401);
    }

    private static String keycloakToken(String email, String password) throws Exception {
        String form = "grant_type=password&client_id=haat-web&username=" + email + "&password=" + password;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestKeycloak.URL + "/realms/haat/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }
}
