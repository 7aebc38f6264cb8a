package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One client address from the gateway to the services: two clients on different addresses (sockets bound to
 * two loopback addresses) are limited and audited separately, and what a client writes in X-Forwarded-For or
 * Forwarded never becomes its address.
 */
class ClientAddressIT {

    // catalog's anonymous tracking limit: burst 30 at 120 a minute per client address (a product that does not
    // exist still counts: the limit comes before the lookup, and answers 404 until it is reached)
    private static final String TRACKING = "/api/v1/events/product-view";
    private static final int MOST_TRIES = 1_000;

    @Test
    void anonymousClientsAreLimitedByTheirOwnAddressWhateverTheyClaim() {
        LoopbackClient flooder = LoopbackClient.random();
        LoopbackClient neighbour = LoopbackClient.random();
        String body = "{\"productId\": \"%s\"}".formatted(UUID.randomUUID());

        // every request claims to come from somewhere new: if the claim counted, it would never be limited
        LoopbackClient.Response last = null;
        int tries = 0;
        while (tries < MOST_TRIES && (last == null || last.status() != 429)) {
            tries++;
            String claimed = "203.0.113." + (tries % 250 + 1);
            last = flooder.send("POST", TRACKING, null, body, Map.of("X-Forwarded-For", claimed,
                    "Forwarded", "for=" + claimed));
            assertThat(last.status()).as(last.body()).isIn(404, 429);
        }
        System.out.printf("[client-address] %s limited after %d tracking events%n", flooder.address(), tries - 1);
        assertThat(last.status()).as("%s is limited by its own address", flooder.address()).isEqualTo(429);
        assertThat(last.headers()).containsKey("retry-after");
        assertThat(Gateway.JSON.readTree(last.body()).get("type").asString()).endsWith("/too-many-requests");

        LoopbackClient.Response other = neighbour.send("POST", TRACKING, null, body, Map.of());
        assertThat(other.status()).as("%s has a limit of its own", neighbour.address()).isEqualTo(404);
        // naming the limited client's address does not put the neighbour in its bucket either
        LoopbackClient.Response claiming = neighbour.send("POST", TRACKING, null, body,
                Map.of("X-Forwarded-For", flooder.address()));
        assertThat(claiming.status()).isEqualTo(404);
    }

    @Test
    void adminActionsAreAuditedWithTheAddressTheyCameFromNotTheOneTheyClaim() {
        HttpResponse<String> registered = Accounts.register(Accounts.newEmail("audited"), "E2e-pass-" + UUID.randomUUID()
                .toString().substring(0, 6), "CUSTOMER");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String userId = Gateway.json(registered).get("userId").asString();
        String admin = Accounts.adminToken();
        LoopbackClient banning = LoopbackClient.random();
        LoopbackClient unbanning = LoopbackClient.random();

        LoopbackClient.Response ban = banning.send("POST", "/api/v1/admin/users/" + userId + "/ban", admin,
                "{\"reason\": \"e2e: whose address?\"}",
                Map.of("X-Forwarded-For", "203.0.113.66", "Forwarded", "for=203.0.113.66"));
        assertThat(ban.status()).as(ban.body()).isEqualTo(200);
        LoopbackClient.Response unban = unbanning.send("POST", "/api/v1/admin/users/" + userId + "/unban", admin,
                "{}", Map.of());
        assertThat(unban.status()).as(unban.body()).isEqualTo(200);

        await("ban and unban in the audit trail").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> audit = Gateway.get("/api/v1/admin/audit?resourceId=" + userId, admin);
            assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
            assertThat(ipOf(Gateway.json(audit), "user.ban")).isEqualTo(banning.address());
            assertThat(ipOf(Gateway.json(audit), "user.unban")).isEqualTo(unbanning.address());
        });
    }

    private static String ipOf(JsonNode page, String action) {
        for (JsonNode entry : page.get("items")) {
            if (action.equals(entry.get("action").asString())) {
                return entry.get("ip").asString();
            }
        }
        return null;
    }
}
