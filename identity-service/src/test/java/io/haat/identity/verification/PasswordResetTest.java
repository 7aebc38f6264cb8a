package io.haat.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.haat.identity.testing.IntegrationTestBase;
import io.haat.identity.testing.Mailbox;
import org.junit.jupiter.api.Test;

/** Forgotten passwords: Keycloak mails the UPDATE_PASSWORD link; the new password is set with its token, once. */
class PasswordResetTest extends IntegrationTestBase {

    @Test
    void forgotAnswersTheSameForAnyAddressAndMailsOnlyRegisteredOnes() {
        Account account = verifiedAccount("CUSTOMER");
        String stranger = uniqueEmail("stranger");

        Response known = post("/auth/password/forgot", null, Map.of("email", account.email()));
        Response unknown = post("/auth/password/forgot", null, Map.of("email", stranger));

        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        assertThat(mailbox.awaitActionLink(account.email(), 2)).contains("action-token");
        assertThat(mailbox.to(stranger)).isEmpty();
        var messages = mailbox.to(account.email());
        assertThat(Mailbox.body(messages.get(messages.size() - 1))).contains("Reset your password")
                .contains("Choose a new password").doesNotContain("Confirm your email");
    }

    @Test
    void theLinksTokenSetsANewPasswordOnceAndEndsOldSessions() {
        Account account = verifiedAccount("SELLER");
        post("/auth/password/forgot", null, Map.of("email", account.email()));
        String link = mailbox.awaitActionLink(account.email(), 2);

        Response weak = post("/auth/password/reset", null, Map.of("token", link, "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.problemType()).endsWith("/password-policy");

        Response reset = post("/auth/password/reset", null, Map.of("token", link, "newPassword", "brand-new-password"));
        assertThat(reset.status()).as(reset.body().toString()).isEqualTo(204);

        assertThat(login(account.email(), account.password()).status()).isEqualTo(401);
        assertThat(login(account.email(), "brand-new-password").status()).isEqualTo(200);
        assertThat(post("/auth/refresh", null, Map.of("refreshToken", account.refreshToken())).status()).isEqualTo(401);

        Response again = post("/auth/password/reset", null, Map.of("token", link, "newPassword", "another-password"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.problemType()).endsWith("/reset-link-invalid");
    }

    @Test
    void aVerificationLinkIsNoPasswordResetLink() {
        String email = uniqueEmail("wrong-link");
        register(email, "good-password", "Wrong Link", "CUSTOMER");
        String verifyLink = mailbox.awaitActionLink(email, 1);

        Response refused = post("/auth/password/reset", null, Map.of("token", verifyLink, "newPassword", "hijacked-password"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemType()).endsWith("/reset-link-invalid");
        assertThat(Mailbox.subject(mailbox.to(email).getFirst())).isNotBlank();
    }
}
