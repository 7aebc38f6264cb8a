package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.local.DemoAccount;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** New people signing up through the gateway, verifying their email from the mail they get, and logging in. */
final class Accounts {

    private static final Pattern ACTION_LINK =
            Pattern.compile("(http://[^\\s\"<>\\\\]*/login-actions/action-token\\?[^\\s\"<>\\\\]+)");

    /** A signed-up, verified, logged-in person. */
    record Account(String userId, String email, String password, String accessToken, String refreshToken) {
    }

    private Accounts() {
    }

    static String newEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@haat.test";
    }

    static HttpResponse<String> register(String email, String password, String role) {
        return throttled(() -> Gateway.postJson("/api/v1/auth/register", null, """
                {"email": "%s", "password": "%s", "fullName": "E2E %s", "role": "%s"}
                """.formatted(email, password, role, role)));
    }

    static HttpResponse<String> login(String email, String password) {
        return throttled(() -> Gateway.postJson("/api/v1/auth/login", null,
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password)));
    }

    /** The verification link from the newest mail Keycloak sent to {@code email} (read from the local mail server). */
    static String awaitVerificationLink(String email) {
        AtomicReference<String> link = new AtomicReference<>();
        URI mailbox = URI.create(Marketplace.get().mailApiUrl() + "/api/user/"
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/");
        await("verification mail to " + email).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    HttpResponse<String> messages = Gateway.send(HttpRequest.newBuilder(mailbox).GET().build());
                    if (messages.statusCode() != 200) {
                        return false;
                    }
                    String raw = messages.body().replace("=\\r\\n", "").replace("=\\n", "").replace("=3D", "=")
                            .replace("\\u0026", "&").replace("&amp;", "&");
                    Matcher matcher = ACTION_LINK.matcher(raw);
                    String last = null;
                    while (matcher.find()) {
                        last = matcher.group(1);
                    }
                    link.set(last);
                    return last != null;
                });
        return link.get();
    }

    /** Waits for a mail to {@code email} whose text contains {@code text} (read from the local mail server). */
    static void awaitMailContaining(String email, String text) {
        URI mailbox = URI.create(Marketplace.get().mailApiUrl() + "/api/user/"
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/");
        await("a mail to " + email + " saying \"" + text + "\"").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    HttpResponse<String> messages = Gateway.send(HttpRequest.newBuilder(mailbox).GET().build());
                    return messages.statusCode() == 200 && messages.body().replace("=\\r\\n", "")
                            .replace("=\\n", "").replace("\\r\\n", " ").replace("\\n", " ").contains(text);
                });
    }

    /** Signs up, follows the mailed verification link, logs in. */
    static Account newVerified(String role) {
        String email = newEmail(role.toLowerCase());
        String password = "E2e-pass-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> registered = register(email, password, role);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String userId = Gateway.json(registered).get("userId").asString();

        HttpResponse<String> verified = throttled(() -> Gateway.postJson("/api/v1/auth/verify-email", null,
                "{\"token\": \"%s\"}".formatted(awaitVerificationLink(email))));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);

        HttpResponse<String> login = login(email, password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode tokens = Gateway.json(login);
        return new Account(userId, email, password, tokens.get("accessToken").asString(),
                tokens.get("refreshToken").asString());
    }

    /** The same person with new tokens (access tokens live 5 minutes; a long benchmark outlives them). */
    static Account loggedInAgain(Account account) {
        HttpResponse<String> login = login(account.email(), account.password());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode tokens = Gateway.json(login);
        return new Account(account.userId(), account.email(), account.password(), tokens.get("accessToken").asString(),
                tokens.get("refreshToken").asString());
    }

    static String adminToken() {
        return Gateway.keycloakToken("haat-web", DemoAccount.ADMIN.email(), DemoAccount.ADMIN.password());
    }

    /**
     * Repeats a call the gateway throttled (the suite shares one client IP), after the Retry-After it gave. The
     * marketplace is started (on first use) before, not inside, the condition: Awaitility evaluates it in a thread of
     * its own and interrupts that thread after its minute, which cut short the start of a fresh marketplace when a
     * class that runs alone began with a sign-up ("the first sign-up hangs").
     */
    static HttpResponse<String> throttled(Supplier<HttpResponse<String>> call) {
        Marketplace.get();
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            last.set(call.get());
            return last.get().statusCode() != 429;
        });
        return last.get();
    }
}
