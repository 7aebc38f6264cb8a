package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 4's journey through the gateway: sign-up to ban and back, with the audit trail to show for it. */
class IdentityJourneyIT {

    @Test
    void registerVerifyLoginProfileAddressRefreshLogoutBanUnban() {
        Accounts.Account customer = Accounts.newVerified("CUSTOMER");

        HttpResponse<String> me = Gateway.get("/api/v1/me", customer.accessToken());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(Gateway.json(me).get("email").asString()).isEqualTo(customer.email());
        assertThat(Gateway.json(me).get("emailVerified").asBoolean()).isTrue();

        HttpResponse<String> address = Gateway.postJson("/api/v1/me/addresses", customer.accessToken(), """
                {"recipient": "E2E Customer", "phone": "+9779800000000", "line1": "Thamel Marg 7",
                 "city": "Kathmandu", "region": "Bagmati", "postalCode": "44600", "country": "NP", "isDefault": true}
                """);
        assertThat(address.statusCode()).as(address.body()).isEqualTo(201);
        HttpResponse<String> addresses = Gateway.get("/api/v1/me/addresses", customer.accessToken());
        assertThat(Gateway.json(addresses).get("totalItems").asInt()).isEqualTo(1);

        HttpResponse<String> refreshed = refresh(customer.refreshToken());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode tokens = Gateway.json(refreshed);
        String accessToken = tokens.get("accessToken").asString();
        String refreshToken = tokens.get("refreshToken").asString();

        HttpResponse<String> logout = Gateway.postJson("/api/v1/auth/logout", accessToken,
                "{\"refreshToken\": \"%s\"}".formatted(refreshToken));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);
        assertThat(refresh(refreshToken).statusCode()).isEqualTo(401);

        String admin = Accounts.adminToken();
        HttpResponse<String> ban = Gateway.postJson("/api/v1/admin/users/" + customer.userId() + "/ban", admin,
                "{\"reason\": \"e2e: fraudulent orders\"}");
        assertThat(ban.statusCode()).as(ban.body()).isEqualTo(200);
        HttpResponse<String> bannedLogin = Accounts.login(customer.email(), customer.password());
        // answered like a wrong password: the ban must not tell anyone that the address is registered
        assertThat(bannedLogin.statusCode()).isEqualTo(401);
        assertThat(bannedLogin.body()).contains("invalid-credentials");

        HttpResponse<String> unban = Gateway.postJson("/api/v1/admin/users/" + customer.userId() + "/unban", admin, "{}");
        assertThat(unban.statusCode()).as(unban.body()).isEqualTo(200);
        assertThat(Accounts.login(customer.email(), customer.password()).statusCode()).isEqualTo(200);

        await("ban and unban in the audit trail").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> audit = Gateway.get("/api/v1/admin/audit?resourceId=" + customer.userId(), admin);
            assertThat(audit.statusCode()).isEqualTo(200);
            assertThat(audit.body()).contains("user.ban").contains("user.unban");
        });
    }

    private static HttpResponse<String> refresh(String refreshToken) {
        return Accounts.throttled(() -> Gateway.postJson("/api/v1/auth/refresh", null,
                "{\"refreshToken\": \"%s\"}".formatted(refreshToken)));
    }
}
