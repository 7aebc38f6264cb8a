package io.haat.identity.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.haat.events.Topics;
import io.haat.identity.testing.EventLog;
import io.haat.identity.testing.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Admin user management against the real Keycloak, with the seeded demo admin. */
class AdminUsersTest extends IntegrationTestBase {

    @Test
    void aBanLocksTheUserOutEverywhereAndAnUnbanLetsThemBack() {
        String admin = adminToken();
        Account seller = verifiedAccount("SELLER");

        Response banned = post("/admin/users/" + seller.id() + "/ban", admin, Map.of("reason", "Counterfeit goods"));

        assertThat(banned.status()).as(banned.body().toString()).isEqualTo(200);
        assertThat(banned.body().path("status").asString()).isEqualTo("BANNED");
        assertThat(banned.body().path("ban").path("reason").asString()).isEqualTo("Counterfeit goods");
        assertThat(keycloakAdmin.user(seller.id().toString()).path("enabled").asBoolean()).isFalse();
        assertThat(post("/auth/refresh", null, Map.of("refreshToken", seller.refreshToken())).status()).isEqualTo(401);
        Response refused = login(seller.email(), seller.password());
        // like a wrong password: Keycloak reports "disabled" whatever the password (see LoginTest)
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.problemType()).endsWith("/invalid-credentials");
        JsonNode event = events.await(Topics.IDENTITY_USER, EventLog.ofType("UserBanned", seller.id().toString()));
        assertThat(event.path("payload").path("reason").asString()).isEqualTo("Counterfeit goods");
        events.await(Topics.SECURITY_ALERTS, envelope -> "USER_BANNED".equals(envelope.path("payload").path("kind")
                .asString()) && seller.id().toString().equals(envelope.path("payload").path("subject").asString()));
        // banning again changes nothing
        assertThat(post("/admin/users/" + seller.id() + "/ban", admin, null).body().path("ban").path("reason")
                .asString()).isEqualTo("Counterfeit goods");

        Response unbanned = post("/admin/users/" + seller.id() + "/unban", admin, null);

        assertThat(unbanned.status()).isEqualTo(200);
        assertThat(unbanned.body().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(login(seller.email(), seller.password()).status()).isEqualTo(200);
        events.await(Topics.IDENTITY_USER, EventLog.ofType("UserUnbanned", seller.id().toString()));

        Response trail = get("/admin/audit?resourceType=user&resourceId=" + seller.id(), admin);
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body().path("items").valueStream().map(e -> e.path("action").asString()).toList())
                .containsExactly("user.unban", "user.ban");
        JsonNode ban = trail.body().path("items").get(1);
        assertThat(ban.path("actorRole").asString()).isEqualTo("ADMIN");
        assertThat(ban.path("before").asString()).contains("ACTIVE");
        assertThat(ban.path("after").asString()).contains("BANNED", "Counterfeit goods");
        // and it went out on audit.events like every service's records
        events.await(Topics.AUDIT_EVENTS, envelope -> ban.path("auditId").asString()
                .equals(envelope.path("payload").path("auditId").asString()));
    }

    @Test
    void anAdminCannotBanThemselvesNorTheLastAdmin() {
        String admin = adminToken();
        UUID adminId = UUID.fromString(get("/me", admin).body().path("id").asString());

        Response self = post("/admin/users/" + adminId + "/ban", admin, null);
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.problemType()).endsWith("/cannot-ban-self");

        // another admin's session (a token only: no profile, so the demo admin stays the only active admin)
        Response last = post("/admin/users/" + adminId + "/ban", testToken(UUID.randomUUID(), "ADMIN"), null);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.problemType()).endsWith("/last-admin");
        assertThat(keycloakAdmin.user(adminId.toString()).path("enabled").asBoolean()).isTrue();
    }

    @Test
    void theUserListIsPagedAndFiltered() {
        String admin = adminToken();
        Account seller = verifiedAccount("SELLER");

        Response sellers = get("/admin/users?role=SELLER&status=ACTIVE&size=100", admin);
        assertThat(sellers.status()).isEqualTo(200);
        assertThat(sellers.body().path("items").valueStream().map(u -> u.path("id").asString()))
                .contains(seller.id().toString());
        assertThat(sellers.body().path("items").valueStream().allMatch(u -> u.path("roles").toString().contains("SELLER")))
                .isTrue();

        Response byText = get("/admin/users?q=" + seller.email().substring(0, 15).toUpperCase(), admin);
        assertThat(byText.body().path("totalItems").asInt()).isEqualTo(1);
        assertThat(byText.body().path("items").get(0).path("email").asString()).isEqualTo(seller.email());

        Response page = get("/admin/users?page=0&size=1", admin);
        assertThat(page.body().path("items").size()).isEqualTo(1);
        assertThat(page.body().path("size").asInt()).isEqualTo(1);
        assertThat(page.body().path("totalItems").asInt()).isGreaterThan(1);

        Response detail = get("/admin/users/" + seller.id(), admin);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body().path("email").asString()).isEqualTo(seller.email());
        assertThat(detail.body().path("lockout").path("locked").asBoolean()).isFalse();

        assertThat(get("/admin/users/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
        assertThat(post("/admin/users/" + UUID.randomUUID() + "/ban", admin, null).status()).isEqualTo(404);
        assertThat(get("/admin/users?role=KING", admin).status()).isEqualTo(400);
        assertThat(get("/admin/users?status=GONE", admin).status()).isEqualTo(400);
        assertThat(get("/admin/users?size=1000", admin).status()).isEqualTo(400);
        Response badPage = get("/admin/users?page=-1", admin);
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.problemType()).endsWith("/validation");
        assertThat(badPage.body().path("errors").findValuesAsString("field")).containsExactly("page");
        assertThat(get("/admin/users?size=abc", admin).body().path("errors").findValuesAsString("field"))
                .containsExactly("size");
    }

    @Test
    void onlyAdminsManageUsers() {
        String customer = testToken(UUID.randomUUID(), "CUSTOMER");
        String seller = testToken(UUID.randomUUID(), "SELLER");
        UUID someone = UUID.randomUUID();
        for (String token : new String[] {customer, seller}) {
            assertThat(get("/admin/users", token).status()).isEqualTo(403);
            assertThat(get("/admin/users/" + someone, token).status()).isEqualTo(403);
            assertThat(post("/admin/users/" + someone + "/ban", token, null).status()).isEqualTo(403);
            assertThat(post("/admin/users/" + someone + "/unban", token, null).status()).isEqualTo(403);
            assertThat(get("/admin/audit", token).status()).isEqualTo(403);
            assertThat(get("/admin/users?size=1000", token).status()).isEqualTo(403);
            // the role is decided before parameters or the body are read
            assertThat(get("/admin/users?page=abc&role=KING", token).status()).isEqualTo(403);
            assertThat(get("/admin/audit?from=yesterday", token).status()).isEqualTo(403);
            Response malformed = post("/admin/users/" + someone + "/ban", token, "{\"reason\": ");
            assertThat(malformed.status()).isEqualTo(403);
            assertThat(malformed.problemType()).endsWith("/forbidden");
            assertThat(post("/admin/users/" + someone + "/ban", token, Map.of("reason", "x".repeat(501))).status())
                    .isEqualTo(403);
        }
        assertThat(get("/admin/users", null).status()).isEqualTo(401);
        assertThat(get("/admin/users/" + someone, null).status()).isEqualTo(401);
        assertThat(post("/admin/users/" + someone + "/ban", null, null).status()).isEqualTo(401);
        assertThat(post("/admin/users/" + someone + "/unban", null, null).status()).isEqualTo(401);
        assertThat(get("/admin/audit", null).status()).isEqualTo(401);
    }
}
