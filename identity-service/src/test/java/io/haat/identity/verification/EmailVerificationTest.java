package io.haat.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.haat.events.Topics;
import io.haat.identity.testing.EventLog;
import io.haat.identity.testing.IntegrationTestBase;
import io.haat.identity.testing.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The verification mail arrives through Keycloak's SMTP settings, and its link verifies the address. */
class EmailVerificationTest extends IntegrationTestBase {

    @Test
    void theMailArrivesAndItsLinkVerifiesTheEmail() {
        String email = uniqueEmail("verify");
        Response registered = register(email, "good-password", "Verify Me", "CUSTOMER");
        assertThat(registered.body().path("emailVerificationSent").asBoolean()).isTrue();
        UUID id = UUID.fromString(registered.body().path("userId").asString());

        String link = mailbox.awaitActionLink(email, 1);
        assertThat(link).startsWith("http://localhost:18180/realms/haat/login-actions/action-token?key=");
        assertThat(login(email, "good-password").status()).isEqualTo(403);

        Response verified = post("/auth/verify-email", null, Map.of("token", link));

        assertThat(verified.status()).as(verified.body().toString()).isEqualTo(200);
        assertThat(verified.body().path("emailVerified").asBoolean()).isTrue();
        assertThat(verified.body().path("userId").asString()).isEqualTo(id.toString());
        assertThat(keycloakAdmin.user(id.toString()).path("emailVerified").asBoolean()).isTrue();
        Account account = loggedIn(id, email, "good-password");
        assertThat(get("/me", account.accessToken()).body().path("emailVerified").asBoolean()).isTrue();
        events.await(Topics.IDENTITY_USER, envelope -> EventLog.ofType("UserProfileChanged", id.toString()).test(envelope)
                && envelope.path("payload").path("emailVerified").asBoolean());
    }

    @Test
    void theMailIsHaatsOwnConfirmYourEmail() {
        String email = uniqueEmail("branded");
        register(email, "good-password", "Zara Branded", "CUSTOMER");
        mailbox.awaitActionLink(email, 1);

        MimeMessage mail = mailbox.to(email).getFirst();
        assertThat(Mailbox.subject(mail)).isEqualTo("Haat: confirm your email or reset your password");
        assertThat(Mailbox.partTypes(mail)).anySatisfy(type -> assertThat(type).startsWith("text/plain"))
                .anySatisfy(type -> assertThat(type).startsWith("text/html"));
        assertThat(Mailbox.body(mail)).contains("Confirm your email").contains("Welcome to Haat!")
                .contains("The link works for").doesNotContain("Your administrator")
                .doesNotContain("Reset your password");
    }

    @Test
    void justTheKeyOfTheLinkWorksToo() {
        String email = uniqueEmail("key");
        register(email, "good-password", "Key Only", "SELLER");
        String link = mailbox.awaitActionLink(email, 1);
        String key = link.replaceAll(".*[?&]key=([^&]+).*", "$1");

        assertThat(post("/auth/verify-email", null, Map.of("token", key)).status()).isEqualTo(200);
        assertThat(login(email, "good-password").status()).isEqualTo(200);
    }

    @Test
    void aForgedOrGarbledLinkIsRefused() {
        String email = uniqueEmail("forged");
        register(email, "good-password", "Forged Link", "CUSTOMER");
        String link = mailbox.awaitActionLink(email, 1);
        String key = link.replaceAll(".*[?&]key=([^&]+).*", "$1");
        String[] parts = key.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        for (String token : new String[] {forged, "garbage", "a.b.c", "http://localhost/?key=x.y.z"}) {
            Response refused = post("/auth/verify-email", null, Map.of("token", token));
            assertThat(refused.status()).as(token).isEqualTo(400);
            assertThat(refused.problemType()).endsWith("/verification-link-invalid");
        }
        assertThat(login(email, "good-password").status()).isEqualTo(403);
    }

    @Test
    void resendIsThrottledAndSendsAnotherMail() {
        String email = uniqueEmail("resend");
        UUID id = UUID.fromString(register(email, "good-password", "Resend Me", "CUSTOMER").body().path("userId").asString());
        mailbox.awaitActionLink(email, 1);
        // the user cannot log in before verifying: a token with their id stands for a session of theirs
        String token = testToken(id, "CUSTOMER");

        Response tooSoon = post("/auth/verify-email/resend", token, null);
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.problemType()).endsWith("/verification-mail-throttled");
        assertThat(tooSoon.header("Retry-After")).isNotBlank();

        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> post("/auth/verify-email/resend", token, null).status() == 202);
        String second = mailbox.awaitActionLink(email, 2);
        assertThat(post("/auth/verify-email", null, Map.of("token", second)).status()).isEqualTo(200);

        Response already = post("/auth/verify-email/resend", token, null);
        assertThat(already.status()).isEqualTo(409);
        assertThat(already.problemType()).endsWith("/email-already-verified");
    }

    @Test
    void resendWithoutATokenNeverTellsWhetherTheAddressIsRegistered() {
        String email = uniqueEmail("anonymous");
        register(email, "good-password", "Anonymous Resend", "CUSTOMER");
        mailbox.awaitActionLink(email, 1);

        Response known = post("/auth/verify-email/resend", null, Map.of("email", email));
        Response unknown = post("/auth/verify-email/resend", null, Map.of("email", uniqueEmail("nobody")));

        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(post("/auth/verify-email/resend", null, Map.of()).status()).isEqualTo(400);
    }
}
